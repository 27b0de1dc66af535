package jp.azukari.console.manage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.incident.IncidentRules;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Incidents (art. 8): the list, one incident with its timeline, the agency's instructions, OPEN →
 * INVESTIGATING → CLOSED.
 */
@ConsolePage
class IncidentsPage {

    private final IncidentService incidents;

    IncidentsPage(IncidentService incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/incidents")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        String s =
                status != null && List.of("OPEN", "INVESTIGATING", "CLOSED").contains(status)
                        ? status
                        : null;
        return incidents
                .list(actor, null, s, 500, 0)
                .collectList()
                .map(
                        l ->
                                Rendering.view("console/manage/incidents")
                                        .modelAttribute("incidents", l)
                                        .modelAttribute("status", s == null ? "" : s)
                                        .build());
    }

    @GetMapping("/incidents/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return page(
                actor,
                id,
                null,
                "instructed".equals(done) || "moved".equals(done) ? done : null,
                Map.of());
    }

    @PostMapping("/incidents/{id}/instructions")
    Mono<Rendering> instruct(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            String text = form.getFirst("text");
                            if (text == null || text.isBlank()) {
                                return page(
                                        actor,
                                        id,
                                        null,
                                        null,
                                        Map.of("text", "incident.error.text"));
                            }
                            return act(
                                    actor,
                                    id,
                                    incidents.instruct(actor, id, text.strip()),
                                    "instructed");
                        });
    }

    @PostMapping("/incidents/{id}/status")
    Mono<Rendering> move(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            IncidentRules.Status to;
                            try {
                                to =
                                        IncidentRules.Status.valueOf(
                                                String.valueOf(form.getFirst("status")));
                            } catch (IllegalArgumentException e) {
                                to = null;
                            }
                            String note = form.getFirst("note");
                            note = note == null || note.isBlank() ? null : note.strip();
                            if (to == null) {
                                return page(
                                        actor,
                                        id,
                                        null,
                                        null,
                                        Map.of("status", "incident.error.status"));
                            }
                            return act(actor, id, incidents.move(actor, id, to, note), "moved");
                        });
    }

    private Mono<Rendering> act(Actor actor, UUID id, Mono<?> action, String done) {
        return action.thenReturn(Rendering.redirectTo("/incidents/" + id + "?done=" + done).build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                jp.azukari.console.manage.Refused.status(e) == 403
                                                || jp.azukari.console.manage.Refused.status(e)
                                                        == 404
                                        ? Mono.error(e)
                                        : page(actor, id, Refused.of(e), null, Map.of()));
    }

    private Mono<Rendering> page(
            Actor actor, UUID id, Refused refused, String done, Map<String, String> errors) {
        return incidents
                .find(actor, id)
                .map(
                        i -> {
                            var r =
                                    Rendering.view("console/manage/incident")
                                            .modelAttribute("i", i)
                                            .modelAttribute("errors", errors)
                                            .modelAttribute("next", next(i.status()));
                            if (refused != null) {
                                r.modelAttribute("refused", refused)
                                        .status(HttpStatus.valueOf(refused.status()));
                            } else if (!errors.isEmpty()) {
                                r.status(HttpStatus.BAD_REQUEST);
                            }
                            if (done != null) {
                                r.modelAttribute("done", done);
                            }
                            return r.build();
                        });
    }

    /** The states the incident rules allow from this one: what the page offers. */
    private static List<String> next(String status) {
        IncidentRules.Status from = IncidentRules.Status.valueOf(status);
        return java.util.Arrays.stream(IncidentRules.Status.values())
                .filter(
                        to ->
                                to != from
                                        && IncidentRules.move(from, to)
                                                instanceof
                                                jp.azukari.custody.domain.Decision.Allowed)
                .map(Enum::name)
                .toList();
    }
}
