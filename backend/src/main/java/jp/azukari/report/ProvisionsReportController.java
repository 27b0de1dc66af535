package jp.azukari.report;

import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.core.io.buffer.DataBuffer;
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

/**
 * {@code GET /api/v1/contracts/{id}/report/provisions}: the provisions part of the compliance
 * report on its own, JSON or CSV (one line per item: article, item, id, status, date, who, detail;
 * the summary's counts first).
 */
@RestController
class ProvisionsReportController {

    private static final String PATH = "/api/v1/contracts/{id}/report/provisions";

    private final ContractReportService reports;

    ProvisionsReportController(ContractReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProvisionsSection> json(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return reports.provisions(actor, id);
    }

    @GetMapping(path = PATH, produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpResponse response) {
        return reports.provisions(actor, id)
                .map(
                        s ->
                                ResponseEntity.ok()
                                        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"contract-provisions-"
                                                        + id
                                                        + ".csv\"")
                                        .body(
                                                Csv.stream(
                                                        response.bufferFactory(),
                                                        ProvisionsReportService.CSV_HEADER,
                                                        Flux.fromIterable(
                                                                ProvisionsReportService.lines(s)),
                                                        l -> l)));
    }
}
