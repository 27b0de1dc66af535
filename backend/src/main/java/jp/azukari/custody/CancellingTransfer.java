package jp.azukari.custody;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.EndingTransfer.Ending;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.ledger.EventType;
import reactor.core.publisher.Mono;

/**
 * The sending side (or a MANAGER) calls off an open transfer; lines not yet confirmed stay with the
 * sender (one TRANSFER_CANCELLED event per asset).
 */
public class CancellingTransfer {

    private static final Ending CANCELLED =
            new Ending(
                    EventType.TRANSFER_CANCELLED, LineStatus.CANCELLED, TransferStatus.CANCELLED);

    private final EndingTransfer ending;
    private final TransferQueries queries;

    CancellingTransfer(EndingTransfer ending, TransferQueries queries) {
        this.ending = ending;
        this.queries = queries;
    }

    public Mono<TransferView> cancel(Actor actor, UUID transferId, String reason) {
        return ending.end(
                        actor,
                        transferId,
                        t -> CustodyRules.cancel(actor, t.fromPartyId(), t.status()),
                        CANCELLED,
                        t -> reason)
                .then(queries.find(actor, transferId));
    }
}
