package jp.azukari.scan.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.scan.ScanService;
import org.springframework.ui.Model;
import reactor.core.publisher.Mono;

/**
 * What the scan station page and its fragments show: the transfer's count and missing lines, and
 * the lines scanned.
 */
final class ScanStationModel {

    private ScanStationModel() {}

    static void fill(
            Model model, TransferView transfer, List<ScanLine> lines, List<ScanLine> collected) {
        model.addAttribute("transfer", transfer);
        model.addAttribute("lines", lines);
        model.addAttribute("collected", collected);
        model.addAttribute("scanId", UUID.randomUUID().toString());
        model.addAttribute("photoId", UUID.randomUUID().toString());
        if (transfer != null) {
            List<TransferView.Line> missing =
                    transfer.lines().stream().filter(l -> "PENDING".equals(l.status())).toList();
            long confirmed =
                    transfer.lines().stream().filter(l -> "CONFIRMED".equals(l.status())).count();
            model.addAttribute("missing", missing);
            model.addAttribute("confirmed", confirmed);
            model.addAttribute("total", transfer.lines().size());
            model.addAttribute("open", "OPEN".equals(transfer.status()));
        }
    }

    /** The page or fragment, with the transfer as the caller may see it (none: not found). */
    static Mono<String> render(
            TransferService transfers,
            Actor actor,
            UUID transfer,
            List<ScanLine> lines,
            List<ScanLine> collected,
            Model model,
            String view) {
        Mono<TransferView> t = transfer == null ? Mono.empty() : transfers.find(actor, transfer);
        return t.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(
                        found -> {
                            fill(model, found.orElse(null), lines, collected);
                            return view;
                        });
    }

    /** A batch of scans through the API's service, each answered as a line. */
    static Mono<List<ScanLine>> scan(
            ScanService scans, Actor actor, String device, List<ScanService.Scan> batch) {
        return scans.process(actor, device, batch)
                .map(results -> results.stream().map(ScanLine::of).toList());
    }

    /**
     * The form's tick box: the custodian has read and will keep the handling requirements (art.
     * 2.2).
     */
    static final String ACK = "acknowledgedHandling";

    static HandlingAcknowledgement acknowledgement(String ticked, Model model) {
        boolean yes = "true".equals(ticked) || "on".equals(ticked);
        model.addAttribute("acknowledged", yes);
        return yes ? HandlingAcknowledgement.ACKNOWLEDGED : HandlingAcknowledgement.NONE;
    }
}
