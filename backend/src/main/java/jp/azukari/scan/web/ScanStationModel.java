package jp.azukari.scan.web;

import java.util.List;
import java.util.UUID;
import jp.azukari.custody.TransferView;
import org.springframework.ui.Model;

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
}
