package jp.azukari.custody;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.custody.persistence.ConfirmationStatement;
import jp.azukari.custody.persistence.TransferQueries;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transfers of SPEC §4 as other features and the web see them: one entry per use case, each a
 * class of its own ({@link OpeningTransfer}, {@link OpeningOnce}, {@link ConfirmingTransfer},
 * {@link ConfirmingTogether}, {@link ConfirmingEachLine}, {@link CancellingTransfer}, {@link
 * ClosingWithMissingLines}), and the reads. The rules decide in {@link
 * jp.azukari.custody.domain.CustodyRules}; the SQL is in {@code custody.persistence}.
 */
public class TransferService {

    public static final int MAX_ASSETS = OpeningTransfer.MAX_ASSETS;

    /**
     * Confirmations of up to this many lines are written together with others that arrive
     * meanwhile.
     */
    public static final int GROUPED_MAX_LINES = ConfirmingTogether.GROUPED_MAX_LINES;

    /**
     * Where and how a confirmation was made: the device, the place, the label scanned for each
     * asset, and the receiver's acknowledgement of the handling requirements (art. 2.2).
     */
    public record ConfirmContext(
            String deviceId,
            String location,
            Map<UUID, String> scannedPayloads,
            HandlingAcknowledgement handling) {

        public ConfirmContext {
            handling = handling == null ? HandlingAcknowledgement.NONE : handling;
        }

        public ConfirmContext(String deviceId, String location, Map<UUID, String> scannedPayloads) {
            this(deviceId, location, scannedPayloads, HandlingAcknowledgement.NONE);
        }

        public static ConfirmContext api(String deviceId, String location) {
            return new ConfirmContext(deviceId, location, Map.of());
        }

        public ConfirmContext acknowledging(HandlingAcknowledgement ack) {
            return new ConfirmContext(deviceId, location, scannedPayloads, ack);
        }

        ConfirmationStatement.Place place() {
            return new ConfirmationStatement.Place(deviceId, location, scannedPayloads, handling);
        }
    }

    public record OpenRequest(
            TransferKind kind,
            UUID toPartyId,
            UUID approvalId,
            List<UUID> assetIds,
            String note,
            String idempotencyKey) {

        public OpenRequest(
                TransferKind kind,
                UUID toPartyId,
                UUID approvalId,
                List<UUID> assetIds,
                String note) {
            this(kind, toPartyId, approvalId, assetIds, note, null);
        }
    }

    /**
     * A transfer as opened, and whether it was made by an earlier request with the same idempotency
     * key.
     */
    public record Opened(TransferView transfer, boolean replayed) {}

    /** What became of one line in {@link #confirmEach}: confirmed, or refused with the rule. */
    public record LineOutcome(UUID assetId, boolean confirmed, RefusedAsset refusal) {}

    /** One caller's confirmation of lines of one transfer. */
    public record ConfirmCall(
            Actor actor, UUID transferId, Set<UUID> assetIds, ConfirmContext ctx) {}

    /**
     * A transfer closed with the lines never confirmed marked MISSING; those assets stayed with the
     * sender.
     */
    public record ClosedWithMissing(
            UUID transferId, UUID contractId, TransferKind kind, List<UUID> missingAssetIds) {}

    private final OpeningTransfer opening;
    private final OpeningOnce openingOnce;
    private final ConfirmingTransfer confirming;
    private final ConfirmingTogether confirmingTogether;
    private final ConfirmingEachLine confirmingEach;
    private final CancellingTransfer cancelling;
    private final ClosingWithMissingLines closingWithMissing;
    private final TransferQueries queries;

    public TransferService(
            OpeningTransfer opening,
            OpeningOnce openingOnce,
            ConfirmingTransfer confirming,
            ConfirmingTogether confirmingTogether,
            ConfirmingEachLine confirmingEach,
            CancellingTransfer cancelling,
            ClosingWithMissingLines closingWithMissing,
            TransferQueries queries) {
        this.opening = opening;
        this.openingOnce = openingOnce;
        this.confirming = confirming;
        this.confirmingTogether = confirmingTogether;
        this.confirmingEach = confirmingEach;
        this.cancelling = cancelling;
        this.closingWithMissing = closingWithMissing;
        this.queries = queries;
    }

    public Mono<TransferView> open(Actor actor, OpenRequest req) {
        return opening.open(actor, req);
    }

    /**
     * Opens a transfer, or answers the one an earlier request with the same Idempotency-Key made.
     */
    public Mono<Opened> openOnce(Actor actor, OpenRequest req) {
        return openingOnce.openOnce(actor, req);
    }

    /**
     * The receiving side confirms these lines: all of them move, or none and the refusal is
     * recorded.
     */
    public Mono<TransferView> confirm(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        return confirming.confirm(actor, transferId, assetIds, ctx);
    }

    /** As {@link #confirm}, written together with the confirmations that arrive meanwhile. */
    public Mono<TransferView> confirmGrouped(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        return confirmingTogether.confirmGrouped(actor, transferId, assetIds, ctx);
    }

    /** Confirms each line on its own merits, inside the caller's transaction (scans). */
    public Mono<List<LineOutcome>> confirmEach(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        return confirmingEach.confirmEach(actor, transferId, assetIds, ctx);
    }

    public Mono<TransferView> cancel(Actor actor, UUID transferId, String reason) {
        return cancelling.cancel(actor, transferId, reason);
    }

    public Mono<ClosedWithMissing> closeWithMissing(Actor actor, UUID transferId, String reason) {
        return closingWithMissing.closeWithMissing(actor, transferId, reason);
    }

    public Mono<TransferView> find(Actor actor, UUID id) {
        return queries.find(actor, id);
    }

    public Flux<TransferSummary> list(
            Actor actor, UUID contractId, String status, String kind, int limit, int offset) {
        return queries.list(actor, contractId, status, kind, limit, offset);
    }
}
