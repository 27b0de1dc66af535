package jp.azukari.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.report.Csv;
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

/**
 * {@code GET /api/v1/access-log}: JSON pages, or every matching entry as CSV ({@code Accept:
 * text/csv}).
 */
@RestController
class AccessLogController {

    private final AccessLogSearch search;

    AccessLogController(AccessLogSearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/v1/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<AccessLogSearch.Entry> json(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID assetId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return search.search(
                actor,
                new AccessLogSearch.Filter(assetId, userId, contractId, from, to),
                limit,
                offset);
    }

    @GetMapping(path = "/api/v1/access-log", produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID assetId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            ServerHttpResponse response) {
        var rows =
                search.search(
                        actor,
                        new AccessLogSearch.Filter(assetId, userId, contractId, from, to),
                        null,
                        0);
        // the role is checked before the response starts, so a refusal is still a 403 problem; the
        // rows stream
        return AccessLogSearch.mayRead(actor)
                .then(
                        Mono.fromSupplier(
                                () ->
                                        ResponseEntity.ok()
                                                .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
                                                .header(
                                                        HttpHeaders.CONTENT_DISPOSITION,
                                                        "attachment; filename=\""
                                                                + AccessLogCsv.FILENAME
                                                                + "\"")
                                                .body(
                                                        AccessLogCsv.of(
                                                                response.bufferFactory(), rows))));
    }
}
