package jp.azukari.certification;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.web.EvidenceDownload;
import jp.azukari.platform.web.Multipart;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code POST /api/v1/certifications}, multipart/form-data: {@code scheme}, {@code number}, {@code
 * scope}, {@code validUntil} (YYYY-MM-DD), {@code partyId} (agency users), and the file part {@code
 * certificate}.
 */
@RestController
class CertificationController {

    private final CertificationService certifications;

    CertificationController(CertificationService certifications) {
        this.certifications = certifications;
    }

    @PostMapping(path = "/api/v1/certifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CertificationView> register(
            @AuthenticationPrincipal Actor actor,
            @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return form.flatMap(
                parts -> {
                    var files = Multipart.files(parts, "certificate", "certificate");
                    if (files.size() != 1) {
                        return Mono.error(
                                Problems.invalidField(
                                        "certificate", "exactly one file part is required"));
                    }
                    String party = Multipart.field(parts, "partyId", false, 36);
                    UUID partyId;
                    LocalDate until;
                    try {
                        partyId = party == null ? null : UUID.fromString(party);
                    } catch (IllegalArgumentException e) {
                        return Mono.error(Problems.invalidField("partyId", "must be a UUID"));
                    }
                    try {
                        until = LocalDate.parse(Multipart.field(parts, "validUntil", true, 10));
                    } catch (DateTimeParseException e) {
                        return Mono.error(
                                Problems.invalidField("validUntil", "must be a date YYYY-MM-DD"));
                    }
                    return certifications.register(
                            actor,
                            new CertificationService.NewCertification(
                                    partyId,
                                    Multipart.field(parts, "scheme", true, 200),
                                    Multipart.field(parts, "number", true, 200),
                                    Multipart.field(parts, "scope", true, 2000),
                                    until),
                            files.get(0));
                });
    }

    @GetMapping("/api/v1/certifications")
    Flux<CertificationView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID partyId,
            @RequestParam(required = false) @Pattern(regexp = "VALID|EXPIRING|EXPIRED")
                    String state) {
        return certifications.list(actor, partyId, state);
    }

    @GetMapping("/api/v1/certifications/{id}")
    Mono<CertificationView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return certifications.find(actor, id);
    }

    @GetMapping("/api/v1/certifications/{id}/certificate")
    Mono<ResponseEntity<byte[]>> certificate(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return certifications.certificate(actor, id).map(EvidenceDownload::of);
    }
}
