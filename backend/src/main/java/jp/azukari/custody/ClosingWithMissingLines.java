package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService.ClosedWithMissing;
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
 * The receiving or sending side (or a MANAGER) closes an open transfer whose remaining lines never
 * arrived: each is marked MISSING (one MARKED_MISSING event per asset) and the transfer is
 * COMPLETED. Custody does not move. The caller opens the LOSS incident for the missing assets (SPEC
 * §4), in the same transaction when it wants both.
 */
public class ClosingWithMissingLines {

    private final TransferLocks locks;
    private final TransferQueries queries;
    private final TransferWrites writes;
    private final Ledger ledger;
    private final TransactionalOperator tx;
    private final Clock clock;

    public ClosingWithMissingLines(
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

    public Mono<ClosedWithMissing> closeWithMissing(Actor actor, UUID transferId, String reason) {
        Instant now = clock.instant();
        Mono<ClosedWithMissing> work =
                locks.lockTransfer(actor, transferId)
                        .flatMap(
                                t -> {
                                    if (CustodyRules.closeWithMissing(
                                                    actor,
                                                    t.fromPartyId(),
                                                    t.toPartyId(),
                                                    t.status())
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
                                                                                                                            .MARKED_MISSING,
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
                                                                                                                    t
                                                                                                                                    .kind()
                                                                                                                            + " line never confirmed"
                                                                                                                            + (reason
                                                                                                                                            == null
                                                                                                                                    ? ""
                                                                                                                                    : ": "
                                                                                                                                            + reason))
                                                                                                            .build())
                                                                                    .toList())
                                                                    .thenReturn(pending))
                                            .flatMap(
                                                    missing ->
                                                            writes.end(
                                                                            transferId,
                                                                            LineStatus.MISSING,
                                                                            TransferStatus
                                                                                    .COMPLETED,
                                                                            now)
                                                                    .thenReturn(
                                                                            new ClosedWithMissing(
                                                                                    t.id(),
                                                                                    t.contractId(),
                                                                                    t.kind(),
                                                                                    List.copyOf(
                                                                                            missing))));
                                });
        return tx.transactional(work);
    }
}
