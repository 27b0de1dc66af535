package jp.azukari.console.audit;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.ledger.VerificationRuns;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Ledger verification from the page: start a run, watch its progress (re-read from the database
 * every second, so any instance shows it), and read its result — verified, or the first broken link
 * of each broken chain.
 */
@ConsolePage
class VerificationPage {

    private final VerificationRuns runs;

    VerificationPage(VerificationRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/ledger/verify")
    Mono<Rendering> page(@AuthenticationPrincipal Actor actor) {
        return runs.recent(actor, 20)
                .collectList()
                .map(l -> Rendering.view("console/audit/verify").modelAttribute("runs", l).build());
    }

    @PostMapping("/ledger/verify")
    Mono<Rendering> start(@AuthenticationPrincipal Actor actor) {
        return runs.start(actor, null)
                .map(id -> Rendering.redirectTo("/ledger/verify/" + id).build());
    }

    @GetMapping("/ledger/verify/{id}")
    Mono<Rendering> run(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return runs.find(actor, id)
                .map(
                        r ->
                                Rendering.view("console/audit/verification")
                                        .modelAttribute("run", r)
                                        .build());
    }

    @GetMapping("/ledger/verify/{id}/progress")
    Mono<Rendering> progress(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return runs.find(actor, id)
                .map(
                        r ->
                                Rendering.view("console/audit/verification :: result")
                                        .modelAttribute("run", r)
                                        .build());
    }
}
