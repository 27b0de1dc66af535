package jp.azukari.publication.web;

import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.console.manage.Refused;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.publication.PublicationService;
import jp.azukari.publication.PublicationView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Art. 10: an incident's publishable summary. A MANAGER writes it (refused when it holds personal
 * data), a MANAGER other than the author approves it, and once approved it downloads as text or
 * PDF. The rules are {@link PublicationService}'s, as in the API.
 */
@ConsolePage
class PublicationPage {

    private final PublicationService publications;
    private final IncidentService incidents;

    PublicationPage(PublicationService publications, IncidentService incidents) {
        this.publications = publications;
        this.incidents = incidents;
    }

    @GetMapping("/incidents/{id}/publication")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return page(
                actor,
                id,
                null,
                null,
                done != null && List.of("written", "approved").contains(done) ? done : null,
                null);
    }

    @PostMapping("/incidents/{id}/publication")
    Mono<Rendering> write(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        // the role first: a form from someone who may not write is a 403, whatever it holds
        return publications
                .mayWrite(actor)
                .then(exchange.getFormData())
                .flatMap(
                        form -> {
                            String summary = form.getFirst("summary");
                            summary = summary == null ? "" : summary.strip();
                            if (summary.isEmpty() || summary.length() > 4000) {
                                return page(
                                        actor,
                                        id,
                                        null,
                                        "publication.error.summary",
                                        null,
                                        summary);
                            }
                            String text = summary;
                            return act(
                                    actor,
                                    id,
                                    publications.write(actor, id, text),
                                    "written",
                                    text);
                        });
    }

    @PostMapping("/incidents/{id}/publication/approve")
    Mono<Rendering> approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, publications.approve(actor, id), "approved", null);
    }

    @GetMapping("/incidents/{id}/publication.txt")
    Mono<ResponseEntity<String>> text(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return publications
                .text(actor, id)
                .map(
                        t ->
                                ResponseEntity.ok()
                                        .contentType(
                                                MediaType.parseMediaType(
                                                        "text/plain;charset=UTF-8"))
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"incident-" + id + ".txt\"")
                                        .body(t));
    }

    @GetMapping("/incidents/{id}/publication.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return publications
                .pdf(actor, id)
                .map(
                        b ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_PDF)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"incident-" + id + ".pdf\"")
                                        .body(b));
    }

    private Mono<Rendering> act(
            Actor actor, UUID id, Mono<PublicationView> action, String done, String draft) {
        return action.thenReturn(
                        Rendering.redirectTo("/incidents/" + id + "/publication?done=" + done)
                                .build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                Refused.status(e) == 404
                                                || Refused.status(e) == 403
                                                        && !"PUBLICATION_OWN_APPROVAL"
                                                                .equals(
                                                                        Refused.of(e)
                                                                                .property("code"))
                                        ? Mono.error(e)
                                        : page(actor, id, Refused.of(e), null, null, draft));
    }

    /** The incident as the caller may see it (404 otherwise), with its publication if any. */
    private Mono<Rendering> page(
            Actor actor, UUID id, Refused refused, String error, String done, String draft) {
        return incidents
                .find(actor, id)
                .flatMap(
                        i ->
                                publications
                                        .of(i)
                                        .map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty())
                                        .map(
                                                p -> {
                                                    var r =
                                                            Rendering.view(
                                                                            "console/provisions/publication")
                                                                    .modelAttribute("i", i)
                                                                    .modelAttribute(
                                                                            "p", p.orElse(null))
                                                                    .modelAttribute(
                                                                            "manager",
                                                                            actor.role()
                                                                                    == Role.MANAGER)
                                                                    .modelAttribute(
                                                                            "myId", actor.userId())
                                                                    .modelAttribute(
                                                                            "draft",
                                                                            draft != null
                                                                                    ? draft
                                                                                    : p.map(
                                                                                                    PublicationView
                                                                                                            ::summary)
                                                                                            .orElse(
                                                                                                    ""));
                                                    if (refused != null) {
                                                        r.modelAttribute("refused", refused)
                                                                .status(
                                                                        HttpStatus.valueOf(
                                                                                refused.status()));
                                                    } else if (error != null) {
                                                        r.modelAttribute("error", error)
                                                                .status(HttpStatus.BAD_REQUEST);
                                                    }
                                                    if (done != null) {
                                                        r.modelAttribute("done", done);
                                                    }
                                                    return r.build();
                                                }));
    }
}
