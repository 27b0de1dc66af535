package jp.azukari.custody.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.receipt.ReceiptService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A transfer's console page {@code /transfers/{id}} and its handover receipt, read as the API reads them. */
@Controller
class TransferPageController {

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPAN);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

    private final TransferService transfers;
    private final ReceiptService receipts;
    private final ZoneId zone;

    TransferPageController(TransferService transfers, ReceiptService receipts, AgencyTimeZone zone) {
        this.transfers = transfers;
        this.receipts = receipts;
        this.zone = zone.zone();
    }

    /** A line as the page shows it: who confirmed it by name, and when in the agency's time zone. */
    record LineRow(int lineNo, UUID assetId, String tag, String title, String status, String confirmedBy,
                   String confirmedAt, String deviceId) {
    }

    @GetMapping("/transfers/{id}")
    Mono<String> page(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just("redirect:/signin?next=/transfers/" + id);
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        DateTimeFormatter format = (locale != null && "en".equals(locale.getLanguage()) ? EN : JA).withZone(zone);
        return transfers.find(actor, id).flatMap(t -> {
            Set<UUID> users = new HashSet<>();
            t.lines().stream().map(TransferView.Line::confirmedBy).filter(Objects::nonNull).forEach(users::add);
            return (users.isEmpty() ? Mono.just(Map.<UUID, String>of()) : receipts.names(users)).map(names -> {
                List<LineRow> rows = t.lines().stream().map(l -> new LineRow(l.lineNo(), l.assetId(), l.tag(), l.title(),
                        l.status(), l.confirmedBy() == null ? null : names.get(l.confirmedBy()), when(format, l.confirmedAt()),
                        l.deviceId())).toList();
                model.addAttribute("transfer", t);
                model.addAttribute("rows", rows);
                model.addAttribute("startedAt", when(format, t.startedAt()));
                model.addAttribute("closedAt", when(format, t.closedAt()));
                model.addAttribute("confirmed", t.lines().stream().filter(l -> "CONFIRMED".equals(l.status())).count());
                return "console/transfers/show";
            });
        });
    }

    @GetMapping(value = "/transfers/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> receipt(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        if (actor == null) {
            return Mono.just(ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/signin?next=/transfers/" + id).build());
        }
        return receipts.pdf(actor, id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"receipt-" + id + ".pdf\"")
                .body(pdf));
    }

    private static String when(DateTimeFormatter format, Instant at) {
        return at == null ? "" : format.format(at);
    }
}
