package jp.azukari.custody;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.EndingTransfer.Ending;
import jp.azukari.custody.TransferService.ClosedWithMissing;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.ledger.EventType;
import reactor.core.publisher.Mono;

/**
 * The receiving or sending side (or a MANAGER) closes an open transfer whose remaining lines never
 * arrived: each is marked MISSING (one MARKED_MISSING event per asset) and the transfer is
 * COMPLETED. Custody does not move. The caller opens the LOSS incident for the missing assets (SPEC
 * §4), in the same transaction when it wants both.
 */
public class ClosingWithMissingLines {

    private static final Ending MISSING =
            new Ending(EventType.MARKED_MISSING, LineStatus.MISSING, TransferStatus.COMPLETED);

    private final EndingTransfer ending;

    ClosingWithMissingLines(EndingTransfer ending) {
        this.ending = ending;
    }

    public Mono<ClosedWithMissing> closeWithMissing(Actor actor, UUID transferId, String reason) {
        return ending.end(
                        actor,
                        transferId,
                        t ->
                                CustodyRules.closeWithMissing(
                                        actor, t.fromPartyId(), t.toPartyId(), t.status()),
                        MISSING,
                        t ->
                                t.kind()
                                        + " line never confirmed"
                                        + (reason == null ? "" : ": " + reason))
                .map(
                        ended ->
                                new ClosedWithMissing(
                                        ended.transfer().id(),
                                        ended.transfer().contractId(),
                                        ended.transfer().kind(),
                                        ended.pending()));
    }
}
