package jp.azukari.incident;

import java.time.Clock;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferView;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Closes a transfer with its unconfirmed lines MISSING and opens the LOSS incident for them,
 * atomically.
 */
public class MissingLines {

    private final TransferService transfers;
    private final IncidentService incidents;
    private final TransactionalOperator tx;
    private final Clock clock;

    public MissingLines(
            TransferService transfers,
            IncidentService incidents,
            TransactionalOperator tx,
            Clock clock) {
        this.transfers = transfers;
        this.incidents = incidents;
        this.tx = tx;
        this.clock = clock;
    }

    public record Result(TransferView transfer, IncidentView incident) {}

    public Mono<Result> close(Actor actor, UUID transferId, String reason) {
        Mono<UUID> work =
                transfers
                        .closeWithMissing(actor, transferId, reason)
                        .flatMap(
                                closed ->
                                        incidents
                                                .report(
                                                        actor,
                                                        new IncidentService.Report(
                                                                IncidentRules.Kind.LOSS,
                                                                closed.missingAssetIds(),
                                                                clock.instant(),
                                                                closed.kind()
                                                                        + " transfer "
                                                                        + transferId
                                                                        + " closed with "
                                                                        + closed.missingAssetIds()
                                                                                .size()
                                                                        + " line(s) never confirmed"
                                                                        + (reason == null
                                                                                ? ""
                                                                                : ": " + reason),
                                                                transferId))
                                                .map(IncidentView::id));
        return tx.transactional(work)
                .flatMap(
                        incidentId ->
                                Mono.zip(
                                        transfers.find(actor, transferId),
                                        incidents.find(actor, incidentId)))
                .map(t -> new Result(t.getT1(), t.getT2()));
    }
}
