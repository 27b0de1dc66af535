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

@RestController
class ContractReportController {

    static final String VERIFIED_HEADER = "Azukari-Ledger-Verified";
    private static final String PATH = "/api/v1/contracts/{id}/report";

    private final ContractReportService reports;

    ContractReportController(ContractReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ContractReport> json(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return reports.report(actor, id);
    }

    /**
     * One line per ledger event; whether the ledger verifies is in the {@value #VERIFIED_HEADER}
     * header.
     */
    @GetMapping(path = PATH, produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerHttpResponse response) {
        return reports.csv(actor, id, response.bufferFactory())
                .map(
                        r ->
                                ResponseEntity.ok()
                                        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"contract-report-"
                                                        + r.contract().id()
                                                        + ".csv\"")
                                        .header(VERIFIED_HEADER, Boolean.toString(r.verified()))
                                        // the other provisions' lines (art. 2.1, 2.2, 5, 8, 9, 10,
                                        // 11) are a CSV of their own
                                        .header(
                                                HttpHeaders.LINK,
                                                "</api/v1/contracts/"
                                                        + r.contract().id()
                                                        + "/report/provisions>; rel=\"related\"; type=\"text/csv\"")
                                        .body(r.body()));
    }
}
