package jp.azukari.dashboard;

import java.time.Duration;
import jp.azukari.common.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Server-sent events for the dashboard page (htmx SSE extension, with the console's session) and
 * API clients (with a bearer token): an event {@code changed} whenever something it shows may have
 * changed on any instance, and a comment now and then so proxies keep the stream open.
 */
@RestController
class DashboardEventsController {

    static final Duration KEEP_OPEN = Duration.ofSeconds(20);

    private final DashboardService dashboard;

    DashboardEventsController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping(
            path = {"/dashboard/events", "/api/v1/dashboard/events"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events(@AuthenticationPrincipal Actor actor) {
        Flux<ServerSentEvent<String>> changed =
                dashboard
                        .changes(actor)
                        .map(what -> ServerSentEvent.builder(what).event("changed").build());
        Flux<ServerSentEvent<String>> keepOpen =
                Flux.interval(KEEP_OPEN)
                        .map(i -> ServerSentEvent.<String>builder().comment("keep-open").build());
        return changed.mergeWith(keepOpen);
    }
}
