package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.custody.persistence.TransferLocks;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.custody.persistence.TransferRow;
import jp.azukari.custody.persistence.TransferWrites;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What cancelling a transfer and closing it with missing lines share: in one transaction, lock the
 * transfer, ask the use case's rule, write one ledger event per line still pending, and end those
 * lines and the transfer.
 */
final class EndingTransfer {

    /** How a use case ends a transfer: the event of each pending line and the statuses after. */
    record Ending(EventType event, LineStatus lines, TransferStatus transfer) {}

    /** The transfer as it was locked, and the assets whose lines were still pending. */
    record Ended(TransferRow transfer, List<UUID> pending) {}

    private final TransferLocks locks;
    private final TransferQueries queries;
    private final TransferWrites writes;
    private final Ledger ledger;
    private final TransactionalOperator tx;
    private final Clock clock;

    EndingTransfer(
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

    /**
     * @param rule the use case's rule on the locked transfer
     * @param note the note of each line's event
     */
    Mono<Ended> end(
            Actor actor,
            UUID transferId,
            Function<TransferRow, Decision> rule,
            Ending ending,
            Function<TransferRow, String> note) {
        Instant now = clock.instant();
        Mono<Ended> work =
                locks.lockTransfer(actor, transferId)
                        .flatMap(
                                t -> {
                                    if (rule.apply(t) instanceof Decision.Refused refused) {
                                        return refused(t, refused);
                                    }
                                    return queries.pendingAssets(transferId)
                                            .flatMap(
                                                    pending ->
                                                            ledger.appendAll(
                                                                            events(
                                                                                    actor,
                                                                                    t,
                                                                                    pending,
                                                                                    ending.event(),
                                                                                    note.apply(t),
                                                                                    now))
                                                                    .then(
                                                                            writes.end(
                                                                                    transferId,
                                                                                    ending.lines(),
                                                                                    ending
                                                                                            .transfer(),
                                                                                    now))
                                                                    .thenReturn(
                                                                            new Ended(
                                                                                    t,
                                                                                    List.copyOf(
                                                                                            pending))));
                                });
        return tx.transactional(work);
    }

    private static List<NewEvent> events(
            Actor actor,
            TransferRow t,
            List<UUID> pending,
            EventType type,
            String note,
            Instant now) {
        return pending.stream()
                .map(
                        asset ->
                                NewEvent.of(asset, t.contractId(), type, actor.userId(), now)
                                        .parties(t.fromPartyId(), t.toPartyId())
                                        .transfer(t.id())
                                        .note(note)
                                        .build())
                .toList();
    }

    private static <T> Mono<T> refused(TransferRow t, Decision.Refused refused) {
        if (refused.refusal().code() == RefusalCode.TRANSFER_NOT_OPEN) {
            return Mono.error(
                    CustodyRefusedException.answer(
                            "transfer-not-open",
                            "Conflict",
                            new Refusal(
                                    RefusalCode.TRANSFER_NOT_OPEN,
                                    "Transfer " + t.id() + " is " + t.status())));
        }
        return Mono.error(
                CustodyRefusedException.answer("forbidden", "Forbidden", refused.refusal()));
    }
}
