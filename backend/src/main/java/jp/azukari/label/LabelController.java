package jp.azukari.label;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import jp.azukari.access.AccessLog;
import jp.azukari.access.web.ReadOrigin;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.LabelPayloadSyntax;
import jp.azukari.evidence.LabelGuessing;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class LabelController {

    private final LabelService labels;
    private final LabelKeyStore keys;
    private final LabelGuessing guessing;
    private final AccessLog accessLog;

    LabelController(
            LabelService labels, LabelKeyStore keys, LabelGuessing guessing, AccessLog accessLog) {
        this.guessing = guessing;
        this.labels = labels;
        this.keys = keys;
        this.accessLog = accessLog;
    }

    /**
     * Art. 2.1: a contractor-side read of a label is recorded (and refused after the contract
     * closed).
     */
    private Mono<Void> logged(Actor actor, UUID id, ServerHttpRequest request) {
        return labels.asset(actor, id)
                .flatMap(
                        a ->
                                accessLog.read(
                                        actor,
                                        a.id(),
                                        a.contractId(),
                                        AccessLog.Action.LABEL,
                                        ReadOrigin.of(request)));
    }

    @GetMapping(value = "/api/v1/assets/{id}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
    Mono<ResponseEntity<byte[]>> png(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(required = false) @DecimalMin("72") @DecimalMax("1200") Double dpi,
            @RequestParam(required = false) @Min(64) @Max(4000) Integer widthPx,
            @RequestParam(defaultValue = "A4_24") LabelService.Layout layout,
            ServerHttpRequest request) {
        return logged(actor, id, request)
                .then(
                        labels.png(actor, id, layout, dpi, widthPx)
                                .map(b -> file(b, MediaType.IMAGE_PNG, null)));
    }

    @GetMapping(value = "/api/v1/assets/{id}/label.svg", produces = "image/svg+xml")
    Mono<ResponseEntity<String>> svg(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "A4_24") LabelService.Layout layout,
            ServerHttpRequest request) {
        return logged(actor, id, request)
                .then(
                        labels.svg(actor, id, layout)
                                .map(
                                        s ->
                                                ResponseEntity.ok()
                                                        .contentType(
                                                                MediaType.parseMediaType(
                                                                        "image/svg+xml;charset=UTF-8"))
                                                        .cacheControl(CacheControl.noStore())
                                                        .body(s)));
    }

    record SheetRequest(
            @NotEmpty @Size(max = LabelService.MAX_LABELS_PER_PDF) List<@NotNull UUID> assetIds,
            LabelService.Layout layout) {}

    @PostMapping(value = "/api/v1/labels/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> pdf(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody SheetRequest body) {
        var layout = body.layout() == null ? LabelService.Layout.A4_24 : body.layout();
        return labels.pdf(actor, body.assetIds(), layout)
                .map(b -> file(b, MediaType.APPLICATION_PDF, "labels.pdf"));
    }

    @GetMapping(
            value = "/api/v1/contracts/{id}/labels.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> contractPdf(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "A4_24") LabelService.Layout layout) {
        return labels.assetsOfContract(actor, id)
                .flatMap(ids -> labels.pdf(actor, ids, layout))
                .map(b -> file(b, MediaType.APPLICATION_PDF, "labels-" + id + ".pdf"));
    }

    /**
     * The asset a label names, and the label's canonical payload {@code AZ1:…} however it was
     * scanned or typed.
     */
    record Resolved(@JsonUnwrapped LabelService.LabelledAsset asset, String payload) {}

    @GetMapping("/api/v1/labels/resolve")
    Mono<Resolved> resolve(
            @AuthenticationPrincipal Actor actor,
            @RequestParam @Size(max = 20_000) String payload) {
        // forged, foreign and malformed labels are evidence, and too many of them stop the user for
        // a while
        return guessing.admit(actor)
                .then(labels.resolve(actor, payload))
                .onErrorResume(
                        LabelService.LabelRejected.class,
                        e ->
                                !LabelGuessing.isBad(e.classification())
                                        ? Mono.error(e)
                                        : guessing.record(
                                                        actor,
                                                        "/api/v1/labels/resolve",
                                                        null,
                                                        List.of(
                                                                new LabelGuessing.Bad(
                                                                        e.classification(),
                                                                        payload)))
                                                .then(Mono.error(e)))
                .map(asset -> new Resolved(asset, CounterInput.canonicalPayload(payload)));
    }

    @GetMapping("/api/v1/labels/keys")
    Flux<LabelKeyStore.KeyInfo> keys(@AuthenticationPrincipal Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.AUDITOR) {
            return Flux.error(Problems.forbidden("Only an ADMIN or AUDITOR sees the label keys"));
        }
        return keys.keys();
    }

    @PostMapping("/api/v1/labels/keys")
    Mono<ResponseEntity<LabelKeyStore.KeyInfo>> rotate(@AuthenticationPrincipal Actor actor) {
        if (actor.role() != Role.ADMIN) {
            return Mono.error(Problems.forbidden("Only an ADMIN rotates label keys"));
        }
        return keys.rotate().map(k -> ResponseEntity.status(HttpStatus.CREATED).body(k));
    }

    @PostMapping("/api/v1/labels/keys/{id}/retire")
    Mono<ResponseEntity<Void>> retire(
            @AuthenticationPrincipal Actor actor,
            @PathVariable @Pattern(regexp = LabelPayloadSyntax.KEY_ID_REGEX) String id) {
        if (actor.role() != Role.ADMIN) {
            return Mono.error(Problems.forbidden("Only an ADMIN retires label keys"));
        }
        return keys.retire(id)
                .flatMap(
                        done ->
                                done
                                        ? Mono.just(ResponseEntity.noContent().<Void>build())
                                        : Mono.error(
                                                Problems.conflict(
                                                        "key-not-retirable",
                                                        "Key "
                                                                + id
                                                                + " does not exist, is retired, or still signs (rotate first)")));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        var r = ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore());
        if (filename != null) {
            r = r.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
        }
        return r.body(body);
    }
}
