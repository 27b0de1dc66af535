package jp.azukari.console.manage;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.report.Csv;
import jp.azukari.report.OverdueReportService;
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
 * The overdue report as a page (one contract, one holder, or everything, as of a day) and as CSV
 * for Excel.
 */
@ConsolePage
class OverduePage {

    static final int PAGE = 200;

    private final OverdueReportService reports;

    OverduePage(OverdueReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/overdue")
    Mono<Rendering> page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate asOf,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) UUID holderPartyId,
            @RequestParam(defaultValue = "0") long offset) {
        var req = new OverdueReportService.Request(asOf, contractId, holderPartyId);
        return reports.page(actor, req, PAGE, Math.max(0, offset))
                .map(
                        r ->
                                Rendering.view("console/manage/overdue")
                                        .modelAttribute("r", r)
                                        .modelAttribute("contractId", contractId)
                                        .modelAttribute("holderPartyId", holderPartyId)
                                        .modelAttribute("asOfParam", asOf)
                                        .modelAttribute(
                                                "next",
                                                r.offset() + r.returned() < r.totalAssets()
                                                        ? r.offset() + r.returned()
                                                        : -1)
                                        .modelAttribute(
                                                "previous",
                                                r.offset() > 0
                                                        ? Math.max(0, r.offset() - PAGE)
                                                        : -1)
                                        .build());
    }

    @GetMapping("/overdue.csv")
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
