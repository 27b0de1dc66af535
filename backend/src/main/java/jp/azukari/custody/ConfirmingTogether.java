package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService.ConfirmCall;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.persistence.ConfirmationStatement;
import jp.azukari.custody.persistence.LockedTransfer;
import jp.azukari.custody.persistence.TransferLocks;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Batching;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Group commit around {@link ConfirmingTransfer}: confirmations that arrive while others are being
 * written are written together, in one transaction and one statement (SPEC §4 holds for each on its
 * own: its lines all move or none do). A confirmation the rules refuse, or one the group could not
 * take, is decided again on its own, so it is answered and recorded exactly as {@link
 * ConfirmingTransfer#confirm} would. Not for use inside a caller's transaction.
 */
public class ConfirmingTogether {

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(ConfirmingTogether.class);

    /**
     * Confirmations of up to this many lines are written together with others that arrive
     * meanwhile.
     */
    public static final int GROUPED_MAX_LINES = 20;

    /** At most this many confirmations in one transaction. */
    static final int GROUPED_MAX_CALLS = 64;

    private final ConfirmingTransfer alone;
    private final TransferLocks locks;
    private final ConfirmationStatement statement;
    private final PriorApprovals approvals;
    private final TrainingGate training;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final Batching<ConfirmCall, TransferView> grouped;

    /**
     * @param groupsInFlight how many groups of confirmations are written at once
     */
    public ConfirmingTogether(
            ConfirmingTransfer alone,
            TransferLocks locks,
            ConfirmationStatement statement,
            PriorApprovals approvals,
            TrainingGate training,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone,
            int groupsInFlight) {
        this.alone = alone;
        this.locks = locks;
        this.statement = statement;
        this.approvals = approvals;
        this.training = training;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.grouped =
                new Batching<>(
                        GROUPED_MAX_CALLS,
                        groupsInFlight,
                        ConfirmCall::transferId,
                        this::confirmTogether);
    }

    public Mono<TransferView> confirmGrouped(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        if (ids.isEmpty() || ids.size() > GROUPED_MAX_LINES) {
            return alone.confirm(actor, transferId, assetIds, ctx);
        }
        return grouped.submit(new ConfirmCall(actor, transferId, ids, ctx));
    }

    private Mono<TransferView> confirmAlone(ConfirmCall call) {
        return alone.confirm(
                call.actor(), call.transferId(), List.copyOf(call.assetIds()), call.ctx());
    }

    private Mono<Runnable> confirmTogether(
            List<Batching.Request<ConfirmCall, TransferView>> batch) {
        if (batch.size() == 1) {
            var request = batch.get(0);
            return confirmAlone(request.value())
                    .<Runnable>map(view -> () -> request.answer(view))
                    .onErrorResume(e -> Mono.just(() -> request.fail(e)));
        }
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        List<ConfirmCall> calls = batch.stream().map(Batching.Request::value).toList();
        Mono<Map<UUID, TransferView>> work =
                lockAndDecideAll(calls, today)
                        .flatMap(
                                decided -> {
                                    List<ConfirmationStatement.Write> writes = new ArrayList<>();
                                    Set<UUID> assets = new HashSet<>();
                                    for (int i = 0; i < calls.size(); i++) {
                                        LineDecisions d = decided.get(i);
                                        if (d != null
                                                && d.refused().isEmpty()
                                                && d.allowed().stream()
                                                        .allMatch(l -> assets.add(l.assetId()))) {
                                            writes.add(
                                                    new ConfirmationStatement.Write(
                                                            calls.get(i).actor(),
                                                            d.transfer(),
                                                            d.allowed(),
                                                            d.after(),
                                                            calls.get(i).ctx().place()));
                                        }
                                    }
                                    return writes.isEmpty()
                                            ? Mono.just(Map.<UUID, TransferView>of())
                                            : statement.write(writes, now);
                                });
        return tx.transactional(work)
                // the group failed as a whole (a deadlock with another writer, say) and wrote
                // nothing: each alone
                .onErrorResume(
                        e -> {
                            LOG.warn(
                                    "{} confirmations written together failed ({}); each is tried alone",
                                    batch.size(),
                                    e.toString());
                            return Mono.just(Map.of());
                        })
                .map(
                        views ->
                                () ->
                                        batch.forEach(
                                                r -> {
                                                    TransferView written =
                                                            views.get(r.value().transferId());
                                                    if (written != null) {
                                                        r.answer(written);
                                                    } else {
                                                        r.answerWith(confirmAlone(r.value()))
                                                                .subscribe();
                                                    }
                                                }));
    }

    /**
     * Locks and decides each call as {@link ConfirmingTransfer} does, for all of them together;
     * null where nothing was found.
     */
    private Mono<List<LineDecisions>> lockAndDecideAll(List<ConfirmCall> calls, LocalDate today) {
        Map<UUID, Actor> actors = new LinkedHashMap<>();
        calls.forEach(c -> actors.putIfAbsent(c.actor().userId(), c.actor()));
        Mono<Map<UUID, TrainingGate.Status>> trained = training.current(actors.values(), today);
        List<TransferLocks.Request> requests =
                calls.stream()
                        .map(
                                c ->
                                        new TransferLocks.Request(
                                                c.actor(),
                                                c.transferId(),
                                                c.assetIds(),
                                                c.ctx().handling().digest() != null))
                        .toList();
        return Mono.zip(locks.lockAll(requests), trained)
                .flatMap(
                        z -> {
                            List<LockedTransfer> locked = z.getT1();
                            List<UUID> approvalIds =
                                    locked.stream()
                                            .filter(Objects::nonNull)
                                            .map(l -> l.transfer().approvalId())
                                            .filter(Objects::nonNull)
                                            .distinct()
                                            .toList();
                            return Flux.fromIterable(approvalIds)
                                    .concatMap(id -> approvals.facts(id).map(f -> Map.entry(id, f)))
                                    .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                                    .map(
                                            approved -> {
                                                List<LineDecisions> decided =
                                                        new ArrayList<>(calls.size());
                                                for (int i = 0; i < calls.size(); i++) {
                                                    ConfirmCall c = calls.get(i);
                                                    LockedTransfer l = locked.get(i);
                                                    decided.add(
                                                            l == null
                                                                    ? null
                                                                    : LineDecisions.decide(
                                                                            c.actor(),
                                                                            l,
                                                                            c.assetIds(),
                                                                            today,
                                                                            l.transfer()
                                                                                                    .approvalId()
                                                                                            == null
                                                                                    ? null
                                                                                    : approved.get(
                                                                                            l.transfer()
                                                                                                    .approvalId()),
                                                                            z.getT2()
                                                                                    .get(
                                                                                            c.actor()
                                                                                                    .userId()),
                                                                            c.ctx().handling()));
                                                }
                                                return decided;
                                            });
                        });
    }
}
