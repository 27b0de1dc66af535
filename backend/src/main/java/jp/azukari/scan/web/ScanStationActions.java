package jp.azukari.scan.web;

import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import jp.azukari.incident.MissingLines;
import jp.azukari.platform.console.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the scan station does besides scanning: close a transfer's never-scanned lines as MISSING
 * (opening the loss incident, as {@code POST /api/v1/transfers/{id}/close-missing} does) and start
 * a transfer from the labels scanned.
 */
@ConsolePage
class ScanStationActions {

    private final TransferService transfers;
    private final MissingLines missingLines;

    ScanStationActions(TransferService transfers, MissingLines missingLines) {
        this.transfers = transfers;
        this.missingLines = missingLines;
    }

    @PostMapping(
            value = "/scan/close-missing",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> closeMissing(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just(Console.signIn("/scan"));
        }
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            UUID transfer = Console.uuid(form.getFirst("transfer"));
                            if (transfer == null) {
                                return Mono.error(new ErrorResponseException(HttpStatus.NOT_FOUND));
                            }
                            String reason = form.getFirst("reason");
                            String why = reason == null || reason.isBlank() ? null : reason.strip();
                            if (why != null && why.length() > 2000) {
                                why = why.substring(0, 2000);
                            }
                            return missingLines
                                    .close(actor, transfer, why)
                                    .map(r -> "redirect:/transfers/" + transfer)
                                    .onErrorResume(
                                            e -> refused(e) != null,
                                            e ->
                                                    transfers
                                                            .find(actor, transfer)
                                                            .map(
                                                                    t -> {
                                                                        ScanStationModel.fill(
                                                                                model, t, List.of(),
                                                                                List.of());
                                                                        model.addAttribute(
                                                                                "notice",
                                                                                "scan.close.refused");
                                                                        model.addAttribute(
                                                                                "noticeDetail",
                                                                                refused(e));
                                                                        return ScanStationController
                                                                                .VIEW;
                                                                    }));
                        });
    }

    @PostMapping(value = "/scan/start", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> start(
            @AuthenticationPrincipal Actor actor, ServerWebExchange exchange, Model model) {
        if (actor == null) {
            return Mono.just(Console.signIn("/scan"));
        }
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            List<ScanLine> collected = ScanForms.collected(form.get("asset"));
                            String kindText = form.getFirst("kind");
                            TransferKind kind =
                                    "HANDOFF".equals(kindText)
                                                    || "RECOVER".equals(kindText)
                                                    || "RETURN".equals(kindText)
                                            ? TransferKind.valueOf(kindText)
                                            : null;
                            String key = form.getFirst("startId");
                            if (collected.isEmpty() || kind == null || Console.uuid(key) == null) {
                                return again(
                                        model,
                                        collected,
                                        collected.isEmpty()
                                                ? "scan.start.none"
                                                : "scan.start.kind.missing",
                                        null);
                            }
                            var request =
                                    new TransferService.OpenRequest(
                                            kind,
                                            Console.uuid(form.getFirst("recipient")),
                                            Console.uuid(form.getFirst("approval")),
                                            collected.stream().map(ScanLine::assetId).toList(),
                                            null,
                                            key);
                            return transfers
                                    .openOnce(actor, request)
                                    .map(opened -> "redirect:/transfers/" + opened.transfer().id())
                                    .onErrorResume(
                                            e -> refused(e) != null,
                                            e ->
                                                    again(
                                                            model,
                                                            collected,
                                                            "scan.start.refused",
                                                            refused(e)));
                        });
    }

    private static Mono<String> again(
            Model model, List<ScanLine> collected, String notice, String detail) {
        ScanStationModel.fill(model, (TransferView) null, List.of(), collected);
        model.addAttribute("notice", notice);
        model.addAttribute("noticeDetail", detail);
        return Mono.just(ScanStationController.VIEW);
    }

    /**
     * What a refused action says (a custody rule's code, or the problem's detail); null when it was
     * not refused.
     */
    private static String refused(Throwable e) {
        if (e instanceof CustodyRefusedException c) {
            return c.first().code().name() + ": " + c.first().detail();
        }
        if (e instanceof jp.azukari.platform.problem.ProblemException p
                && p.kind() != jp.azukari.platform.problem.ProblemKind.NOT_FOUND) {
            return p.detail();
        }
        if (e instanceof ErrorResponseException r && r.getStatusCode().value() != 404) {
            return r.getBody().getDetail();
        }
        return null;
    }
}
