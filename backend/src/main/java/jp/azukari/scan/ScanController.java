package jp.azukari.scan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ScanController {

    private final ScanService scans;

    ScanController(ScanService scans) {
        this.scans = scans;
    }

    record ScanRequest(
            @NotNull UUID scanId,
            // longer than any label on purpose: an over-long payload is answered LABEL_MALFORMED,
            // not refused whole
            @NotNull @Size(max = 20_000) String payload,
            @NotNull Instant scannedAt,
            @NotNull ScanService.Purpose purpose,
            UUID transferId,
            @Size(max = 200) String location,
            UUID auditId,
            // art. 2.2, for CONFIRM scans: as in POST /api/v1/transfers/{id}/confirm
            Boolean acknowledgedHandling,
            @Pattern(regexp = "[0-9a-fA-F]{64}") String handlingAcknowledgement) {}

    record BatchRequest(
            @NotBlank @Size(max = 100) String deviceId,
            @NotEmpty @Size(max = ScanService.MAX_BATCH) List<@Valid @NotNull ScanRequest> scans) {}

    record BatchResponse(List<ScanResult> results) {}

    @PostMapping("/api/v1/scans")
    Mono<BatchResponse> scan(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody BatchRequest body) {
        return scans.process(
                        actor,
                        body.deviceId().strip(),
                        body.scans().stream()
                                .map(
                                        s ->
                                                new ScanService.Scan(
                                                        s.scanId(),
                                                        s.payload(),
                                                        s.scannedAt(),
                                                        s.purpose(),
                                                        s.transferId(),
                                                        s.location(),
                                                        s.auditId(),
                                                        HandlingAcknowledgement.of(
                                                                s.acknowledgedHandling(),
                                                                s.handlingAcknowledgement())))
                                .toList())
                .map(BatchResponse::new);
    }
}
