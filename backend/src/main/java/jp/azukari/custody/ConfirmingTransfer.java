package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.domain.Custody;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.persistence.ConfirmationStatement;
import jp.azukari.custody.persistence.LineRow;
import jp.azukari.custody.persistence.TransferLocks;
import jp.azukari.custody.persistence.TransferRow;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The receiving side confirms lines of a transfer (SPEC §4): all of them move, or none and each
 * refusal is recorded. Locks are taken transfer first, then assets in id order ({@link
 * TransferLocks}).
 */
public class ConfirmingTransfer {

    private final TransferLocks locks;
    private final ConfirmationStatement statement;
    private final PriorApprovals approvals;
    private final TrainingGate training;
    private final RecordedRefusals refusals;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public ConfirmingTransfer(
            TransferLocks locks,
            ConfirmationStatement statement,
            PriorApprovals approvals,
            TrainingGate training,
            RecordedRefusals refusals,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone) {
        this.locks = locks;
        this.statement = statement;
        this.approvals = approvals;
        this.training = training;
        this.refusals = refusals;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    private record Refused(TransferRow transfer, Refusal first, List<RefusedAsset> refused) {}

    public Mono<TransferView> confirm(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        if (ids.isEmpty() || ids.size() > OpeningTransfer.MAX_ASSETS) {
            return Mono.error(
                    Problems.badRequest(
                            "Confirm between 1 and "
                                    + OpeningTransfer.MAX_ASSETS
                                    + " distinct assets"));
        }
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        Mono<Object> work =
                lockAndDecide(actor, transferId, ids, today, ctx.handling())
                        .flatMap(
                                d -> {
                                    if (!d.refused().isEmpty()) {
                                        return Mono.just(
                                                (Object)
                                                        new Refused(
                                                                d.transfer(),
                                                                d.first(),
                                                                d.refused()));
                                    }
                                    return confirmLines(
                                                    actor,
                                                    d.transfer(),
                                                    d.allowed(),
                                                    d.after(),
                                                    ctx,
                                                    now)
                                            .map(view -> (Object) view);
                                });
        return tx.transactional(work)
                .flatMap(
                        result -> {
                            if (result instanceof Refused r) {
                                // written in a transaction of its own, after the refused one ended
                                return refusals.<TransferView>refuseTransfer(
                                        actor,
                                        r.transfer().contractId(),
                                        r.transfer().kind(),
                                        r.transfer().id(),
                                        r.transfer().approvalId(),
                                        r.first(),
                                        r.refused(),
                                        ctx);
                            }
                            return Mono.just((TransferView) result);
                        });
    }

    /**
     * Locks the transfer and the requested lines and decides each line by the rules; nothing is
     * written. The training check does not depend on the lock, so it is sent alongside it rather
     * than after it.
     */
    Mono<LineDecisions> lockAndDecide(
            Actor actor,
            UUID transferId,
            Set<UUID> ids,
            LocalDate today,
            HandlingAcknowledgement handling) {
        return Mono.zip(
                        locks.lockForConfirm(actor, transferId, ids, handling.digest() != null),
                        training.current(actor, today))
                .flatMap(
                        z ->
                                approvals
                                        .maybe(z.getT1().transfer().approvalId())
                                        .map(
                                                approval ->
                                                        LineDecisions.decide(
                                                                actor,
                                                                z.getT1(),
                                                                ids,
                                                                today,
                                                                approval.orElse(null),
                                                                z.getT2(),
                                                                handling)));
    }

    Mono<TransferView> confirmLines(
            Actor actor,
            TransferRow t,
            List<LineRow> lines,
            Custody after,
            ConfirmContext ctx,
            Instant now) {
        return statement
                .write(
                        List.of(
                                new ConfirmationStatement.Write(
                                        actor, t, lines, after, ctx.place())),
                        now)
                .map(views -> views.get(t.id()));
    }
}
