package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refusals are evidence (SPEC §4): writes one REFUSED event per refused asset, in a transaction of
 * its own so it stays when the refused action's own work is rolled back, then answers with the
 * refusal.
 */
public class RecordedRefusals {

    private final Ledger ledger;
    private final TransactionalOperator tx;
    private final Clock clock;

    public RecordedRefusals(Ledger ledger, TransactionalOperator tx, Clock clock) {
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /** What was refused, for the ledger note and the links of the events. */
    public record Attempt(String action, UUID contractId, UUID approvalId, UUID transferId) {}

    public <T> Mono<T> refuse(
            Actor actor, Attempt attempt, Refusal first, List<RefusedAsset> refused) {
        return refuse(
                actor, attempt, first, refused, TransferService.ConfirmContext.api(null, null));
    }

    /** As above, with the device, place and scanned labels of the attempt kept on each event. */
    public <T> Mono<T> refuse(
            Actor actor,
            Attempt attempt,
            Refusal first,
            List<RefusedAsset> refused,
            TransferService.ConfirmContext ctx) {
        Instant now = clock.instant();
        List<NewEvent> events =
                refused.stream()
                        .filter(r -> r.assetId() != null)
                        .map(
                                r ->
                                        NewEvent.of(
                                                        r.assetId(),
                                                        attempt.contractId(),
                                                        EventType.REFUSED,
                                                        actor.userId(),
                                                        now)
                                                .transfer(attempt.transferId())
                                                .approval(attempt.approvalId())
                                                .refusal(r.code(), r.article())
                                                .device(ctx.deviceId(), ctx.location())
                                                .scanned(ctx.scannedPayloads().get(r.assetId()))
                                                .note(attempt.action() + " refused: " + r.detail())
                                                .build())
                        .toList();
        return tx.transactional(ledger.appendAll(events))
                .then(Mono.error(new CustodyRefusedException(first, refused)));
    }

    /**
     * A refused transfer action: one REFUSED event per refused asset found on it (assets without a
     * tag were never found there), and the answer naming every refused asset.
     */
    public <T> Mono<T> refuseTransfer(
            Actor actor,
            UUID contractId,
            TransferKind kind,
            UUID transferId,
            UUID approvalId,
            Refusal first,
            List<RefusedAsset> refused,
            TransferService.ConfirmContext ctx) {
        var attempt = new Attempt(kind.name(), contractId, approvalId, transferId);
        List<RefusedAsset> known = refused.stream().filter(r -> r.tag() != null).toList();
        return this.<T>refuse(actor, attempt, first, known, ctx)
                .onErrorMap(
                        CustodyRefusedException.class,
                        e -> new CustodyRefusedException(first, refused));
    }

    public <T> Mono<T> refuse(
            Actor actor, Attempt attempt, UUID assetId, String tag, Refusal refusal) {
        return refuse(actor, attempt, refusal, List.of(RefusedAsset.of(assetId, tag, refusal)));
    }
}
