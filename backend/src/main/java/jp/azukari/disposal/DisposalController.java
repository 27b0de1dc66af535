package jp.azukari.disposal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/assets/{id}/disposal}, multipart/form-data: {@code method}, {@code date}
 * (YYYY-MM-DD), {@code witness}, optional {@code approvalId} and {@code note}, and the file part
 * {@code certificate}.
 */
@RestController
class DisposalController {

    private final DisposalService disposals;

    DisposalController(DisposalService disposals) {
        this.disposals = disposals;
    }

    @PostMapping(
            path = "/api/v1/assets/{id}/disposal",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DisposalView> dispose(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return form.flatMap(
                parts -> {
                    DisposalService.Request req = request(parts);
                    Part file = parts.getFirst("certificate");
                    if (!(file instanceof FilePart certificate)) {
                        return Mono.error(
                                Problems.invalidField("certificate", "a file part is required"));
                    }
                    String type =
                            certificate.headers().getContentType() == null
                                    ? null
                                    : certificate.headers().getContentType().toString();
                    return disposals.dispose(
                            actor,
                            id,
                            req,
                            new DisposalService.Upload(
                                    filename(certificate.filename()), type, certificate.content()));
                });
    }

    @GetMapping("/api/v1/disposals/{id}")
    Mono<DisposalView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return disposals.find(actor, id);
    }

    @GetMapping("/api/v1/disposals")
    Flux<DisposalView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return disposals.list(actor, contractId, limit, offset);
    }

    /**
     * The certificate as stored, with its SHA-256 in {@code Repr-Digest} (RFC 9530) to check the
     * download against.
     */
    @GetMapping("/api/v1/disposals/{id}/certificate")
    Mono<ResponseEntity<byte[]>> certificate(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return disposals
                .certificate(actor, id)
                .map(
                        c -> {
                            var meta = c.disposal().certificate();
                            byte[] sha = HexFormat.of().parseHex(meta.sha256());
                            return ResponseEntity.ok()
                                    .contentType(MediaType.parseMediaType(meta.contentType()))
                                    .header(
                                            HttpHeaders.CONTENT_DISPOSITION,
                                            ContentDisposition.attachment()
                                                    .filename(
                                                            meta.filename(), StandardCharsets.UTF_8)
                                                    .build()
                                                    .toString())
                                    .header(
                                            "Repr-Digest",
                                            "sha-256=:"
                                                    + Base64.getEncoder().encodeToString(sha)
                                                    + ":")
                                    .eTag(meta.sha256())
                                    .body(c.content());
                        });
    }

    private static DisposalService.Request request(MultiValueMap<String, Part> parts) {
        String method = field(parts, "method", true);
        DisposalMethod m;
        try {
            m = DisposalMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(
                    "method", "must be one of " + List.of(DisposalMethod.values()));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(field(parts, "date", true));
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("date", "must be a date YYYY-MM-DD");
        }
        String witness = field(parts, "witness", true).strip();
        if (witness.length() > 200) {
            throw Problems.invalidField("witness", "must be at most 200 characters");
        }
        String approval = field(parts, "approvalId", false);
        UUID approvalId;
        try {
            approvalId = approval == null ? null : UUID.fromString(approval);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("approvalId", "must be a UUID");
        }
        String note = field(parts, "note", false);
        if (note != null && note.length() > 2000) {
            throw Problems.invalidField("note", "must be at most 2000 characters");
        }
        return new DisposalService.Request(m, date, witness, approvalId, note);
    }

    private static String field(MultiValueMap<String, Part> parts, String name, boolean required) {
        Part p = parts.getFirst(name);
        String value = p instanceof FormFieldPart f ? f.value() : null;
        if (value == null || value.isBlank()) {
            if (required) {
                throw Problems.invalidField(name, "is required");
            }
            return null;
        }
        return value;
    }

    /** The file's own name, without any path a browser sent, bounded. */
    private static String filename(String name) {
        String base =
                name == null
                        ? ""
                        : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = "certificate";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
