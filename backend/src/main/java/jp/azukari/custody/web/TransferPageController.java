package jp.azukari.custody.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.receipt.ReceiptService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/**
 * A transfer's console page {@code /transfers/{id}} and its handover receipt, read as the API reads
 * them.
 */
@ConsolePage
class TransferPageController {

    private final TransferService transfers;
    private final ReceiptService receipts;

    TransferPageController(TransferService transfers, ReceiptService receipts) {
        this.transfers = transfers;
        this.receipts = receipts;
    }

    /** A line as the page shows it, with who confirmed it by name. */
    record LineRow(
            int lineNo,
            UUID assetId,
            String tag,
            String title,
            String status,
            String confirmedBy,
            java.time.Instant confirmedAt,
            String deviceId) {}

    @GetMapping("/transfers/{id}")
    Mono<String> page(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
        return transfers
                .find(actor, id)
                .flatMap(
                        t -> {
                            Set<UUID> users = new HashSet<>();
                            t.lines().stream()
                                    .map(TransferView.Line::confirmedBy)
                                    .filter(Objects::nonNull)
                                    .forEach(users::add);
                            return (users.isEmpty()
                                            ? Mono.just(Map.<UUID, String>of())
                                            : receipts.names(users))
                                    .map(
                                            names -> {
                                                List<LineRow> rows =
                                                        t.lines().stream()
                                                                .map(
                                                                        l ->
                                                                                new LineRow(
                                                                                        l.lineNo(),
                                                                                        l.assetId(),
                                                                                        l.tag(),
                                                                                        l.title(),
                                                                                        l.status(),
                                                                                        l
                                                                                                                .confirmedBy()
                                                                                                        == null
                                                                                                ? null
                                                                                                : names
                                                                                                        .get(
                                                                                                                l
                                                                                                                        .confirmedBy()),
                                                                                        l
                                                                                                .confirmedAt(),
                                                                                        l
                                                                                                .deviceId()))
                                                                .toList();
                                                model.addAttribute("transfer", t);
                                                model.addAttribute("rows", rows);
                                                model.addAttribute(
                                                        "confirmed",
                                                        t.lines().stream()
                                                                .filter(
                                                                        l ->
                                                                                "CONFIRMED"
                                                                                        .equals(
                                                                                                l
                                                                                                        .status()))
                                                                .count());
                                                return "console/transfers/show";
                                            });
                        });
    }

    @GetMapping(value = "/transfers/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> receipt(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return receipts.pdf(actor, id)
                .map(
                        pdf ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_PDF)
                                        .cacheControl(CacheControl.noStore())
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                "attachment; filename=\"receipt-" + id + ".pdf\"")
                                        .body(pdf));
    }
}
