package jp.azukari.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Audit sessions (inventory): open, read (JSON, CSV, PDF), close, report the missing as a LOSS. */
@RestController
class AuditController {

    private static final String ONE = "/api/v1/audits/{id}";

    private final AuditService audits;
    private final AgencyTimeZone zone;

    AuditController(AuditService audits, AgencyTimeZone zone) {
        this.audits = audits;
        this.zone = zone;
    }

    record OpenRequest(@NotNull UUID partyId, @Size(max = 200) String location, UUID contractId) {}

    @PostMapping("/api/v1/audits")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AuditView> open(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody OpenRequest body) {
        String location =
                body.location() == null || body.location().isBlank()
                        ? null
                        : body.location().strip();
        return audits.open(
                actor, new AuditService.OpenRequest(body.partyId(), location, body.contractId()));
    }

    @GetMapping("/api/v1/audits")
    Flux<AuditView> list(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID contractId) {
        return audits.list(actor, contractId);
    }

    @GetMapping(path = ONE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<AuditView> json(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id);
    }

    @GetMapping(path = ONE, produces = "text/csv")
    Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .map(
                        a ->
                                file(
                                        AuditDocuments.csv(a),
                                        "text/csv;charset=UTF-8",
                                        "audit-" + id + ".csv"));
    }

    @GetMapping(
            path = {ONE, ONE + "/result.pdf"},
            produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.find(actor, id)
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(
                        a ->
                                file(
                                        AuditDocuments.pdf(a, zone.zone()),
                                        MediaType.APPLICATION_PDF_VALUE,
                                        "audit-" + id + ".pdf"));
    }

    @PostMapping(ONE + "/close")
    Mono<AuditView> close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.close(actor, id);
    }

    /** Opens a LOSS incident for the audit's MISSING assets (one per contract), in one step. */
    @PostMapping(ONE + "/missing-incidents")
    Mono<AuditView> reportMissing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return audits.reportMissing(actor, id);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
