package jp.azukari.scan.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.scan.ScanService;
import jp.azukari.scan.ScanService.Purpose;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The scan station {@code /scan}: one page to confirm a transfer by scanning (keyboard wedge,
 * camera, photo of a tray) or, without a transfer, to collect labels and start a HANDOFF, RECOVER
 * or RETURN; this controller shows it and takes the wedge's scans (photos and camera frames: {@link
 * ScanPhotoController}). Every scan goes through {@link ScanService}, the same service as {@code
 * POST /api/v1/scans}, with a scan id made when it was read.
 */
@ConsolePage
class ScanStationController {

    static final String VIEW = "console/scan/station";
    static final String FRAGMENT = "console/scan/fragments :: scanned";

    /**
     * Longer than any label, as the API allows; what is longer is answered here and never stored.
     */
    static final int MAX_INPUT = 20_000;

    private final ScanService scans;
    private final TransferService transfers;

    private final Clock clock;

    ScanStationController(ScanService scans, TransferService transfers, Clock clock) {
        this.scans = scans;
        this.transfers = transfers;
        this.clock = clock;
    }

    @GetMapping("/scan")
    Mono<String> station(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID transfer,
            Model model) {
        if (actor == null) {
            return Mono.just(
                    Console.signIn("/scan" + (transfer == null ? "" : "?transfer=" + transfer)));
        }
        return render(actor, transfer, List.of(), List.of(), model, VIEW);
    }

    /**
     * One scan from the keyboard-wedge input: its line (htmx) or the whole page (a plain form
     * post).
     */
    @PostMapping(value = "/scan/wedge", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> wedge(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just(Console.signIn("/scan"));
        }
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            UUID transfer = Console.uuid(form.getFirst("transfer"));
                            List<ScanLine> collected = ScanForms.collected(form.get("asset"));
                            UUID scanId = Console.uuid(form.getFirst("scanId"));
                            String raw = form.getFirst("label");
                            Mono<ScanLine> line;
                            if (scanId == null) {
                                line =
                                        Mono.just(
                                                ScanLine.refused(UUID.randomUUID(), "BAD_SCAN_ID"));
                            } else if (raw == null || raw.isBlank()) {
                                line = Mono.just(ScanLine.refused(scanId, "EMPTY"));
                            } else if (raw.length() > MAX_INPUT) {
                                line = Mono.just(ScanLine.refused(scanId, "TOO_LONG"));
                            } else {
                                String device =
                                        "camera".equals(form.getFirst("source"))
                                                ? "browser-camera"
                                                : "browser-wedge";
                                line =
                                        scan(
                                                        actor,
                                                        device,
                                                        transfer,
                                                        List.of(
                                                                new ScanService.Scan(
                                                                        scanId,
                                                                        ScanForms.payload(raw),
                                                                        clock.instant(),
                                                                        transfer == null
                                                                                ? Purpose.LOOKUP
                                                                                : Purpose.CONFIRM,
                                                                        transfer,
                                                                        null,
                                                                        null,
                                                                        acknowledgement(
                                                                                form.getFirst(ACK),
                                                                                model))))
                                                .map(found -> found.get(0));
                            }
                            return line.flatMap(
                                    l -> {
                                        List<ScanLine> all =
                                                ScanForms.withFound(collected, List.of(l));
                                        model.addAttribute("line", l);
                                        model.addAttribute("newLines", List.of(l));
                                        return render(
                                                actor,
                                                transfer,
                                                List.of(l),
                                                all,
                                                model,
                                                Console.isHtmx(exchange) ? FRAGMENT : VIEW);
                                    });
                        });
    }

    private Mono<List<ScanLine>> scan(
            Actor actor, String device, UUID transfer, List<ScanService.Scan> batch) {
        return ScanStationModel.scan(scans, actor, device, batch);
    }

    private Mono<String> render(
            Actor actor,
            UUID transfer,
            List<ScanLine> lines,
            List<ScanLine> collected,
            Model model,
            String view) {
        return ScanStationModel.render(transfers, actor, transfer, lines, collected, model, view);
    }

    private static HandlingAcknowledgement acknowledgement(String ticked, Model model) {
        return ScanStationModel.acknowledgement(ticked, model);
    }

    private static final String ACK = ScanStationModel.ACK;
}
