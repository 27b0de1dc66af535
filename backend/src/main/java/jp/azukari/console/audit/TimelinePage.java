package jp.azukari.console.audit;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.ledger.AssetTimeline;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * An asset's ledger, every event in order, each link checked; {@code ?seq=} marks one event (a
 * broken link's).
 */
@ConsolePage
class TimelinePage {

    private final AssetTimeline timeline;

    TimelinePage(AssetTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/assets/{id}/timeline")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer seq) {
        return timeline.of(actor, id)
                .map(
                        t ->
                                Rendering.view("console/audit/timeline")
                                        .modelAttribute("t", t)
                                        .modelAttribute("marked", seq == null ? -1 : seq)
                                        .build());
    }
}
