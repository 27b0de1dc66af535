package jp.azukari.audit.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.azukari.audit.AuditDocuments;
import jp.azukari.audit.AuditService;
import jp.azukari.audit.AuditView;
import jp.azukari.common.Actor;
import jp.azukari.console.manage.Refused;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.scan.ScanResult;
import jp.azukari.scan.ScanService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the audit page does: scan a label with purpose AUDIT (the console's scan station in audit
 * mode: a keyboard-wedge scanner or typing, through {@link ScanService} like {@code POST
 * /api/v1/scans}), close the audit, open a LOSS incident for its MISSING assets in one step, and
 * download the result as JSON, CSV or PDF.
 */
@ConsolePage
class AuditPageActions {

    static final String DEVICE = "console";

    private final AuditService audits;
    private final ScanService scans;
    private final AgencyTimeZone zone;
    private final Clock clock;

    AuditPageActions(AuditService audits, ScanService scans, AgencyTimeZone zone, Clock clock) {
        this.audits = audits;
        this.scans = scans;
        this.zone = zone;
        this.clock = clock;
    }

    @PostMapping("/audits/{id}/scan")
    Mono<Rendering> scan(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            ServerWebExchange exchange) {
        return audits.find(actor, id)
                .then(exchange.getFormData())
                .flatMap(
                        form -> {
                            String label = form.getFirst("label");
                            UUID scanId = AuditPages.uuid(form.getFirst("scanId"));
                            if (label == null || label.isBlank() || label.length() > 20_000) {
                                return render(actor, id, null, "audits.error.label");
                            }
                            var scan =
                                    new ScanService.Scan(
                                            scanId == null ? UUID.randomUUID() : scanId,
                                            label.strip(),
                                            clock.instant(),
                                            ScanService.Purpose.AUDIT,
                                            null,
                                            null,
                                            id);
                            return scans.process(actor, DEVICE, List.of(scan))
                                    .flatMap(r -> render(actor, id, r.get(0), null));
                        });
    }

    private Mono<Rendering> render(Actor actor, UUID id, ScanResult answer, String error) {
        return audits.find(actor, id)
                .map(
                        a -> {
                            var r = AuditPages.page(a, actor);
                            if (answer != null) {
                                r.modelAttribute("answer", answer)
                                        .modelAttribute("answerKey", answerKey(answer));
                            }
                            if (error != null) {
                                r.modelAttribute("scanError", error).status(HttpStatus.BAD_REQUEST);
                            }
                            return r.build();
                        });
    }

    /** The message key of an answer: its code when the page has words for it, else its result. */
    static String answerKey(ScanResult answer) {
        if ("ALREADY_SEEN".equals(answer.code()) || "AUDIT_CLOSED".equals(answer.code())) {
            return "audit.answer." + answer.code();
        }
        return "audit.answer." + answer.result().name();
    }

    @PostMapping("/audits/{id}/close")
    Mono<Rendering> close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, audits.close(actor, id), "closed");
    }

    @PostMapping("/audits/{id}/missing-incidents")
    Mono<Rendering> reportMissing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return act(actor, id, audits.reportMissing(actor, id), "reported");
    }

    private Mono<Rendering> act(Actor actor, UUID id, Mono<AuditView> action, String done) {
        return action.map(a -> Rendering.redirectTo("/audits/" + id + "?done=" + done).build())
                .onErrorResume(
                        ProblemException.class,
                        e ->
                                Refused.status(e) == 403 || Refused.status(e) == 404
                                        ? Mono.error(e)
                                        : audits.find(actor, id)
                                                .map(
                                                        a ->
                                                                AuditPages.page(a, actor)
                                                                        .modelAttribute(
                                                                                "refused",
                                                                                Refused.of(e))
                                                                        .status(
                                                                                HttpStatus.valueOf(
                                                                                        Refused
                                                                                                .status(
                                                                                                        e)))
                                                                        .build()));
    }

    @GetMapping("/audits/{id}/result.json")
    @ResponseBody
    Mono<ResponseEntity<AuditView>> json(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .map(
                        a ->
                                ResponseEntity.ok()
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .header(
                                                HttpHeaders.CONTENT_DISPOSITION,
                                                attachment("audit-" + id + ".json"))
                                        .body(a));
    }

    @GetMapping("/audits/{id}/result.csv")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .map(a -> file(AuditDocuments.csv(a), "text/csv;charset=UTF-8", id, "csv"));
    }

    @GetMapping("/audits/{id}/result.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .publishOn(Schedulers.boundedElastic())
                .map(
                        a ->
                                file(
                                        AuditDocuments.pdf(a, zone.zone()),
                                        MediaType.APPLICATION_PDF_VALUE,
                                        id,
                                        "pdf"));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, UUID id, String ext) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("audit-" + id + "." + ext))
                .body(body);
    }

    private static String attachment(String name) {
        return "attachment; filename=\"" + name + "\"";
    }
}
