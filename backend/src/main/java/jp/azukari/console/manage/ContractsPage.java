package jp.azukari.console.manage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.azukari.approval.ApprovalService;
import jp.azukari.asset.AssetService;
import jp.azukari.asset.AssetView;
import jp.azukari.closeout.CloseOutService;
import jp.azukari.common.Actor;
import jp.azukari.contract.ContractService;
import jp.azukari.custody.TransferService;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.report.ContractReport;
import jp.azukari.report.ContractReportService;
import jp.azukari.report.Csv;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contracts: the list, and one contract with its assets by state and holder, transfers, approvals
 * and incidents; mark it COMPLETED, then CLOSED (a refused close shows the outstanding list exactly
 * as the service gives it); its compliance report as CSV for Excel and as JSON.
 */
@ConsolePage
class ContractsPage {

    static final int ASSETS_SHOWN = 1000;

    private final ContractService contracts;
    private final AssetService assets;
    private final TransferService transfers;
    private final ApprovalService approvals;
    private final IncidentService incidents;
    private final CloseOutService closeOut;
    private final ContractReportService reports;

    ContractsPage(
            ContractService contracts,
            AssetService assets,
            TransferService transfers,
            ApprovalService approvals,
            IncidentService incidents,
            CloseOutService closeOut,
            ContractReportService reports) {
        this.contracts = contracts;
        this.assets = assets;
        this.transfers = transfers;
        this.approvals = approvals;
        this.incidents = incidents;
        this.closeOut = closeOut;
        this.reports = reports;
    }

    @GetMapping("/contracts")
    Mono<Rendering> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        String s =
                status != null && List.of("ACTIVE", "COMPLETED", "CLOSED").contains(status)
                        ? status
                        : null;
        return contracts
                .list(actor, s, 500, 0)
                .collectList()
                .map(
                        l ->
                                Rendering.view("console/manage/contracts")
                                        .modelAttribute("contracts", l)
                                        .modelAttribute("status", s == null ? "" : s)
                                        .build());
    }

    @GetMapping("/contracts/{id}")
    Mono<Rendering> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) String done) {
        return page(actor, id, null, done);
    }

    @PostMapping("/contracts/{id}/complete")
    Mono<Rendering> complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, closeOut.complete(actor, id, null), "completed");
    }

    @PostMapping("/contracts/{id}/close")
    Mono<Rendering> close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, closeOut.close(actor, id), "closed");
    }

    private Mono<Rendering> act(Actor actor, UUID id, Mono<?> action, String done) {
        return action.thenReturn(Rendering.redirectTo("/contracts/" + id + "?done=" + done).build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                jp.azukari.console.manage.Refused.status(e) == 403
                                                || jp.azukari.console.manage.Refused.status(e)
                                                        == 404
                                        ? Mono.error(e)
                                        : page(actor, id, Refused.of(e), null));
    }

    @GetMapping("/contracts/{id}/report.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> reportCsv(
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
                                                "attachment; filename=\"compliance-report-"
                                                        + r.contract().number()
                                                        + ".csv\"")
                                        .header(
                                                "Azukari-Ledger-Verified",
                                                Boolean.toString(r.verified()))
                                        .body(r.body()));
    }

    @GetMapping("/contracts/{id}/report.json")
    @ResponseBody
    Mono<ResponseEntity<ContractReport>> reportJson(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return reports.report(actor, id)
                .map(
                        r ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"compliance-report-"
                                                        + r.contract().number()
                                                        + ".json\"")
                                        .body(r));
    }

    private Mono<Rendering> page(Actor actor, UUID id, Refused refused, String done) {
        return contracts
                .find(actor, id)
                .flatMap(
                        c ->
                                Mono.zip(
                                                assets.listOfContract(actor, id, ASSETS_SHOWN, 0)
                                                        .collectList(),
                                                transfers
                                                        .list(actor, id, null, null, 200, 0)
                                                        .collectList(),
                                                approvals
                                                        .list(actor, id, null, 200, 0)
                                                        .collectList(),
                                                incidents
                                                        .list(actor, id, null, 200, 0)
                                                        .collectList())
                                        .map(
                                                t -> {
                                                    var r =
                                                            Rendering.view(
                                                                            "console/manage/contract")
                                                                    .modelAttribute("c", c)
                                                                    .modelAttribute(
                                                                            "assets", t.getT1())
                                                                    .modelAttribute(
                                                                            "byState",
                                                                            byStateAndHolder(
                                                                                    t.getT1()))
                                                                    .modelAttribute(
                                                                            "transfers", t.getT2())
                                                                    .modelAttribute(
                                                                            "approvals", t.getT3())
                                                                    .modelAttribute(
                                                                            "incidents", t.getT4())
                                                                    .modelAttribute(
                                                                            "assetsShown",
                                                                            ASSETS_SHOWN);
                                                    if (refused != null) {
                                                        r.modelAttribute("refused", refused)
                                                                .status(
                                                                        HttpStatus.valueOf(
                                                                                refused.status()));
                                                    }
                                                    if (done != null
                                                            && List.of("completed", "closed")
                                                                    .contains(done)) {
                                                        r.modelAttribute("done", done);
                                                    }
                                                    return r.build();
                                                }));
    }

    record StateCount(String state, String holder, long assets) {}

    /** Counts per custody state and holder, in a stable order: the page's summary table. */
    static List<StateCount> byStateAndHolder(List<AssetView> assets) {
        Map<List<String>, Long> counts =
                new TreeMap<>(
                        (a, b) ->
                                a.get(0).equals(b.get(0))
                                        ? a.get(1).compareTo(b.get(1))
                                        : a.get(0).compareTo(b.get(0)));
        for (AssetView a : assets) {
            counts.merge(
                    List.of(a.custodyState(), String.valueOf(a.holderPartyName())), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new StateCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }
}
