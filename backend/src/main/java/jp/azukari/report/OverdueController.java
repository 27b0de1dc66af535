package jp.azukari.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class OverdueController {

    private static final String PATH = "/api/v1/reports/overdue";

    private final OverdueReportService reports;

    OverdueController(OverdueReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<OverdueReport> json(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) UUID holderPartyId,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return reports.page(
                actor,
                new OverdueReportService.Request(asOf, contractId, holderPartyId),
                limit,
                offset);
    }

    /** Every overdue asset, streamed: {@code Accept: text/csv}. */
    @GetMapping(path = PATH, produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) UUID holderPartyId,
            ServerHttpResponse response) {
        var req = new OverdueReportService.Request(asOf, contractId, holderPartyId);
        return reports.csv(actor, req, response.bufferFactory())
                .map(
                        body ->
                                ResponseEntity.ok()
                                        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"overdue-"
                                                        + reports.asOf(req)
                                                        + ".csv\"")
                                        .body(body));
    }
}
