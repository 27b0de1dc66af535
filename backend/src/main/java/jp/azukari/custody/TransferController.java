package jp.azukari.custody;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

    private final TransferService transfers;
    private final ShowingHandling handling;

    TransferController(TransferService transfers, ShowingHandling handling) {
        this.transfers = transfers;
        this.handling = handling;
    }

    record OpenTransferRequest(
            @NotNull TransferKind kind,
            UUID toPartyId,
            UUID approvalId,
            @NotEmpty @Size(max = TransferService.MAX_ASSETS) List<@NotNull UUID> assetIds,
            @Size(max = 2000) String note) {}

    /**
     * {@code acknowledgedHandling}: the receiver acknowledges the assets' handling requirements
     * (art. 2.2); or {@code handlingAcknowledgement}: the digest of them that {@code GET
     * /api/v1/transfers/{id}/handling} showed.
     */
    record ConfirmRequest(
            @NotEmpty @Size(max = TransferService.MAX_ASSETS) List<@NotNull UUID> assetIds,
            @Size(max = 100) String deviceId,
            @Size(max = 200) String location,
            Boolean acknowledgedHandling,
            @Pattern(
                            regexp = "[0-9a-fA-F]{64}",
                            message = "must be the 64 hex digits of the requirements' SHA-256")
                    String handlingAcknowledgement) {}

    record CancelRequest(@Size(max = 2000) String reason) {}

    /**
     * With an {@code Idempotency-Key}, a retry answers the transfer the first request made (200
     * instead of 201).
     */
    @PostMapping
    Mono<ResponseEntity<TransferView>> open(
            @AuthenticationPrincipal Actor actor,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200)
                    String key,
            @Valid @RequestBody OpenTransferRequest body) {
        return transfers
                .openOnce(
                        actor,
                        new TransferService.OpenRequest(
                                body.kind(),
                                body.toPartyId(),
                                body.approvalId(),
                                body.assetIds(),
                                body.note(),
                                key))
                .map(
                        o ->
                                ResponseEntity.status(
                                                o.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                                        .body(o.transfer()));
    }

    @GetMapping
    Flux<TransferSummary> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|COMPLETED|CANCELLED")
                    String status,
            @RequestParam(required = false) @Pattern(regexp = TransferKind.REGEX) String kind,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return transfers.list(actor, contractId, status, kind, limit, offset);
    }

    @GetMapping("/{id}")
    Mono<TransferView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return transfers.find(actor, id);
    }

    /**
     * Art. 2.2: the handling requirements the receiver acknowledges when confirming, and their
     * digest.
     */
    @GetMapping("/{id}/handling")
    Mono<ShowingHandling.Handling> handling(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return handling.of(actor, id);
    }

    @PostMapping("/{id}/confirm")
    Mono<TransferView> confirm(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody ConfirmRequest body) {
        return transfers.confirmGrouped(
                actor,
                id,
                body.assetIds(),
                TransferService.ConfirmContext.api(body.deviceId(), body.location())
                        .acknowledging(
                                HandlingAcknowledgement.of(
                                        body.acknowledgedHandling(),
                                        body.handlingAcknowledgement())));
    }

    @PostMapping("/{id}/cancel")
    Mono<TransferView> cancel(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) CancelRequest body) {
        return transfers.cancel(actor, id, body == null ? null : body.reason());
    }
}
