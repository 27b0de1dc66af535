package jp.azukari.ledger;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.problem.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class LedgerController {

    private final LedgerVerifier verifier;

    LedgerController(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/ledger/verify")
    Mono<LedgerVerifier.Report> verify(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID contractId) {
        if (actor.role() != Role.AUDITOR && actor.role() != Role.MANAGER) {
            return Mono.error(Problems.forbidden("Only an AUDITOR or MANAGER verifies the ledger"));
        }
        return verifier.verify(contractId);
    }
}
