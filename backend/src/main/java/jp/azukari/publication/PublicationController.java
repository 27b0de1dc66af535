package jp.azukari.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An incident's publication (art. 10): {@code PUT} the summary, {@code POST …/approve}, download as
 * text or PDF.
 */
@RestController
class PublicationController {

    record SummaryRequest(@NotBlank @Size(max = 8000) String summary) {}

    private static final String PATH = "/api/v1/incidents/{id}/publication";

    private final PublicationService publications;

    PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    @PutMapping(PATH)
    Mono<PublicationView> write(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody SummaryRequest b) {
        return publications.write(actor, id, b.summary().strip());
    }

    @GetMapping(PATH)
    Mono<PublicationView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return publications.find(actor, id);
    }

    @PostMapping(PATH + "/approve")
    Mono<PublicationView> approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return publications.approve(actor, id);
    }

    @GetMapping(PATH + ".txt")
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

    @GetMapping(PATH + ".pdf")
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
}
