package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.custody.persistence.TransferLocks;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.custody.persistence.TransferWrites;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sending side (or a MANAGER) calls off an open transfer; lines not yet confirmed stay with the
 * sender.
 */
public class CancellingTransfer {

    private final TransferLocks locks;
    private final TransferQueries queries;
    private final TransferWrites writes;
    private final Ledger ledger;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CancellingTransfer(
            TransferLocks locks,
            TransferQueries queries,
            TransferWrites writes,
            Ledger ledger,
            TransactionalOperator tx,
            Clock clock) {
        this.locks = locks;
        this.queries = queries;
        this.writes = writes;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<TransferView> cancel(Actor actor, UUID transferId, String reason) {
        Instant now = clock.instant();
        Mono<Void> work =
                locks.lockTransfer(actor, transferId)
                        .flatMap(
                                t -> {
                                    if (CustodyRules.cancel(actor, t.fromPartyId(), t.status())
                                            instanceof Decision.Refused refused) {
                                        return EndingTransfer.refused(t, refused);
                                    }
                                    return queries.pendingAssets(transferId)
                                            .flatMap(
                                                    pending ->
                                                            ledger.appendAll(
                                                                    pending.stream()
                                                                            .map(
                                                                                    asset ->
                                                                                            NewEvent
                                                                                                    .of(
                                                                                                            asset,
                                                                                                            t
                                                                                                                    .contractId(),
                                                                                                            EventType
                                                                                                                    .TRANSFER_CANCELLED,
                                                                                                            actor
                                                                                                                    .userId(),
                                                                                                            now)
                                                                                                    .parties(
                                                                                                            t
                                                                                                                    .fromPartyId(),
                                                                                                            t
                                                                                                                    .toPartyId())
                                                                                                    .transfer(
                                                                                                            t
                                                                                                                    .id())
                                                                                                    .note(
                                                                                                            reason)
                                                                                                    .build())
                                                                            .toList()))
                                            .then(
                                                    writes.end(
                                                            transferId,
                                                            LineStatus.CANCELLED,
                                                            TransferStatus.CANCELLED,
                                                            now));
                                });
        return tx.transactional(work).then(queries.find(actor, transferId));
    }
}
