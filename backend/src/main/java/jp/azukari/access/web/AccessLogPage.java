package jp.azukari.access.web;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.access.AccessLogCsv;
import jp.azukari.access.AccessLogSearch;
import jp.azukari.common.Actor;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.report.Csv;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Art. 2.1 for the AUDITOR (and MANAGER): the access log searched by asset, user, contract and
 * days, and the same entries as CSV. The search and its access rule are the API's ({@link
 * AccessLogSearch}); a tag or user name in the table narrows the search to it.
 */
@ConsolePage
class AccessLogPage {

    static final int SHOWN = 500;

    private final AccessLogSearch search;

    AccessLogPage(AccessLogSearch search) {
        this.search = search;
    }

    @GetMapping("/access-log")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID assetId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        var filter = new AccessLogSearch.Filter(assetId, userId, contractId, from, to);
        return search.search(actor, filter, SHOWN, 0)
                .collectList()
                .map(
                        entries ->
                                Rendering.view("console/provisions/access-log")
                                        .modelAttribute("entries", entries)
                                        .modelAttribute("f", filter)
                                        .modelAttribute("shown", SHOWN)
                                        .build());
    }

    @GetMapping("/access-log.csv")
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
        // refused before the download starts: a custodian gets the 403 page, not an empty file
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
