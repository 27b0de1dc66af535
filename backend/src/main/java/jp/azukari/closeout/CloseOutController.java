package jp.azukari.closeout;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.contract.ContractView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class CloseOutController {

    record CompleteRequest(LocalDate completedOn) {}

    private final CloseOutService closeOut;

    CloseOutController(CloseOutService closeOut) {
        this.closeOut = closeOut;
    }

    @PostMapping("/api/v1/contracts/{id}/complete")
    Mono<ContractView> complete(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestBody(required = false) CompleteRequest body) {
        return closeOut.complete(actor, id, body == null ? null : body.completedOn());
    }

    @PostMapping("/api/v1/contracts/{id}/close")
    Mono<ContractView> close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return closeOut.close(actor, id);
    }
}
