package jp.azukari.inspection;

import java.nio.file.Files;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The compliance report as PDF and the inspection bundle of a contract (AUDITOR, MANAGER). */
@RestController
class InspectionController {

    static final String DIGEST_HEADER = "Azukari-Digest-Fingerprint";

    private final InspectionService inspection;

    InspectionController(InspectionService inspection) {
        this.inspection = inspection;
    }

    @GetMapping(
            path = {"/api/v1/contracts/{id}/report", "/api/v1/contracts/{id}/report.pdf"},
            produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<Flux<DataBuffer>>> report(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpResponse response) {
        return inspection
                .prepare(actor, id)
                .flatMap(
                        p ->
                                inspection
                                        .report(p)
                                        .map(
                                                file ->
                                                        ResponseEntity.ok()
                                                                .header(
                                                                        HttpHeaders.CONTENT_TYPE,
                                                                        MediaType
                                                                                .APPLICATION_PDF_VALUE)
                                                                .header(
                                                                        HttpHeaders
                                                                                .CONTENT_DISPOSITION,
                                                                        "attachment; filename=\"compliance-report-"
                                                                                + p.contract()
                                                                                        .number()
                                                                                + ".pdf\"")
                                                                .header(
                                                                        DIGEST_HEADER,
                                                                        p.digest().fingerprint())
                                                                .body(
                                                                        DataBufferUtils.read(
                                                                                        file,
                                                                                        response
                                                                                                .bufferFactory(),
                                                                                        64 * 1024)
                                                                                .doFinally(
                                                                                        s ->
                                                                                                deleteQuietly(
                                                                                                        file)))));
    }

    @GetMapping(path = "/api/v1/contracts/{id}/inspection", produces = "application/zip")
    Mono<ResponseEntity<Flux<DataBuffer>>> bundle(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpResponse response) {
        return inspection
                .prepare(actor, id)
                .map(
                        p ->
                                ResponseEntity.ok()
                                        .header(HttpHeaders.CONTENT_TYPE, "application/zip")
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"inspection-"
                                                        + p.contract().number()
                                                        + ".zip\"")
                                        .header(DIGEST_HEADER, p.digest().fingerprint())
                                        .body(inspection.bundle(p, response.bufferFactory())));
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // a temporary file; the system cleans its temporary folder
        }
    }
}
