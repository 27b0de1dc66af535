package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Readable;
import jp.azukari.approval.ApprovalService;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ConfirmRequest;
import jp.azukari.custody.domain.ContractFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.Custody;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.domain.StartRequest;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Batching;
import jp.azukari.platform.Scope;
import jp.azukari.platform.web.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opening, confirming and cancelling transfers (SPEC §4). The rules decide in {@link CustodyRules}; this class
 * loads the facts, writes what the rules allowed, and records what they refused.
 *
 * <p>Locks are always taken transfer first, then assets in id order, so two operations never wait on each other
 * in a circle.
 */
public class TransferService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TransferService.class);

    public static final int MAX_ASSETS = 1000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final ApprovalService approvals;
    private final TrainingGate training;
    private final RecordedRefusals refusals;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final Batching<ConfirmCall, TransferView> grouped;

    /** @param groupsInFlight how many groups of confirmations are written at once (see {@link #confirmGrouped}) */
    public TransferService(DatabaseClient db, TransactionalOperator tx, Ledger ledger, ApprovalService approvals,
                           TrainingGate training, RecordedRefusals refusals, Clock clock, AgencyTimeZone zone, int groupsInFlight) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.approvals = approvals;
        this.training = training;
        this.refusals = refusals;
        this.clock = clock;
        this.zone = zone;
        this.grouped = new Batching<>(GROUPED_MAX_CALLS, groupsInFlight, ConfirmCall::transferId, this::confirmTogether);
    }

    /** Where and how a confirmation was made: the device, the place, and the label scanned for each asset. */
    public record ConfirmContext(String deviceId, String location, Map<UUID, String> scannedPayloads) {

        public static ConfirmContext api(String deviceId, String location) {
            return new ConfirmContext(deviceId, location, Map.of());
        }
    }

    public record OpenRequest(TransferKind kind, UUID toPartyId, UUID approvalId, List<UUID> assetIds, String note,
                              String idempotencyKey) {

        public OpenRequest(TransferKind kind, UUID toPartyId, UUID approvalId, List<UUID> assetIds, String note) {
            this(kind, toPartyId, approvalId, assetIds, note, null);
        }
    }

    /** A transfer as opened, and whether it was made by an earlier request with the same idempotency key. */
    public record Opened(TransferView transfer, boolean replayed) {
    }

    /**
     * Opens a transfer, or answers the one an earlier request with the same Idempotency-Key made. The key is
     * claimed first; a concurrent copy of the request waits for the claim to turn into a transfer (or to be
     * released when the first was refused, and then decides for itself).
     */
    public Mono<Opened> openOnce(Actor actor, OpenRequest req) {
        String key = req.idempotencyKey();
        if (key == null) {
            return open(actor, req).map(t -> new Opened(t, false));
        }
        return db.sql("""
                        INSERT INTO transfer_request (user_id, idempotency_key) VALUES (:user, :key)
                        ON CONFLICT DO NOTHING RETURNING idempotency_key""")
                .bind("user", actor.userId()).bind("key", key).map(r -> true).one().defaultIfEmpty(false)
                .flatMap(claimed -> claimed
                        ? open(actor, req).map(t -> new Opened(t, false))
                                .onErrorResume(e -> release(actor, key).then(Mono.error(e)))
                                // the client hung up: the work was rolled back, so free the key for its retry now
                                .doOnCancel(() -> release(actor, key).subscribe())
                        : awaitEarlier(actor, req, 50));
    }

    private Mono<Opened> awaitEarlier(Actor actor, OpenRequest req, int triesLeft) {
        // a claim without a transfer for 30 s was left by a request that died: release it and decide afresh
        return db.sql("DELETE FROM transfer_request WHERE user_id = :user AND idempotency_key = :key AND transfer_id IS NULL"
                        + " AND created_at < now() - interval '30 seconds'")
                .bind("user", actor.userId()).bind("key", req.idempotencyKey()).then()
                .then(db.sql("SELECT transfer_id FROM transfer_request WHERE user_id = :user AND idempotency_key = :key")
                        .bind("user", actor.userId()).bind("key", req.idempotencyKey())
                        .map(r -> java.util.Optional.ofNullable(r.get("transfer_id", UUID.class))).one())
                .flatMap(made -> made.isPresent() ? find(actor, made.get()).map(t -> new Opened(t, true))
                        : triesLeft <= 0 ? Mono.error(Problems.conflict("request-in-progress",
                                "A request with this Idempotency-Key is still being processed; retry shortly"))
                        : Mono.delay(java.time.Duration.ofMillis(100)).then(awaitEarlier(actor, req, triesLeft - 1)))
                // the claim was released (the first request was refused): decide this one afresh
                .switchIfEmpty(Mono.defer(() -> openOnce(actor, req)));
    }

    private Mono<Void> release(Actor actor, String key) {
        return db.sql("DELETE FROM transfer_request WHERE user_id = :user AND idempotency_key = :key AND transfer_id IS NULL")
                .bind("user", actor.userId()).bind("key", key).then();
    }


    private record AssetRow(UUID id, String tag, UUID contractId, CustodyState state, UUID holderPartyId, boolean inOpenTransfer) {

        AssetFacts facts() {
            return new AssetFacts(id, contractId, state, holderPartyId, inOpenTransfer);
        }
    }

    private record Allowed(AssetRow asset, Decision.Allowed route) {
    }

    // ---------------------------------------------------------------- open

    public Mono<TransferView> open(Actor actor, OpenRequest req) {
        var ids = new LinkedHashSet<>(req.assetIds());
        if (ids.isEmpty() || ids.size() > MAX_ASSETS) {
            return Mono.error(Problems.badRequest("A transfer holds between 1 and " + MAX_ASSETS + " distinct assets"));
        }
        return loadAssets(actor, ids).flatMap(assets -> {
            var contractIds = assets.stream().map(AssetRow::contractId).distinct().toList();
            if (contractIds.size() != 1) {
                return Mono.error(Problems.exception(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "mixed-contracts",
                        "Assets of several contracts", "One transfer moves assets of one contract only"));
            }
            return Mono.zip(contractFacts(contractIds.get(0)), approvalFacts(req.approvalId()), partyKind(req.toPartyId()))
                    .flatMap(t -> decideOpen(actor, req, assets, t.getT1(), t.getT2().orElse(null), t.getT3().orElse(null)));
        });
    }

    private Mono<TransferView> decideOpen(Actor actor, OpenRequest req, List<AssetRow> assets, ContractFacts contract,
                                          ApprovalFacts approval, PartyKind toKind) {
        LocalDate today = zone.today(clock);
        var start = new StartRequest(req.kind(), actor, contract, req.toPartyId(), toKind, approval, today);
        List<Allowed> allowed = new ArrayList<>();
        List<RefusedAsset> refused = new ArrayList<>();
        Refusal first = null;
        for (AssetRow a : assets) {
            Decision d = CustodyRules.start(start, a.facts());
            if (d instanceof Decision.Refused r) {
                first = first == null ? r.refusal() : first;
                refused.add(RefusedAsset.of(a.id(), a.tag(), r.refusal()));
            } else {
                allowed.add(new Allowed(a, (Decision.Allowed) d));
            }
        }
        if (!refused.isEmpty()) {
            return refuse(actor, contract.id(), req.kind(), null, req.approvalId(), first, refused, ConfirmContext.api(null, null));
        }
        UUID transferId = UUID.randomUUID();
        Decision.Allowed route = allowed.get(0).route();
        Instant now = clock.instant();
        List<NewEvent> events = allowed.stream()
                .map(a -> NewEvent.of(a.asset().id(), contract.id(), EventType.TRANSFER_OPENED, actor.userId(), now)
                        .parties(route.fromPartyId(), route.toPartyId()).transfer(transferId).approval(req.approvalId())
                        .note(req.kind() + (req.note() == null ? "" : ": " + req.note())).build())
                .toList();
        UUID[] assetIds = allowed.stream().map(a -> a.asset().id()).toArray(UUID[]::new);
        Mono<Void> remember = req.idempotencyKey() == null ? Mono.empty()
                : db.sql("UPDATE transfer_request SET transfer_id = :transfer WHERE user_id = :user AND idempotency_key = :key")
                .bind("user", actor.userId()).bind("key", req.idempotencyKey()).bind("transfer", transferId).then();
        Mono<Void> write = ledger.appendAll(events)
                .then(insertTransfer(transferId, actor, req, contract, route, now, assetIds))
                .then(remember);
        return tx.transactional(write)
                .onErrorResume(TransferService::isUniqueViolation, e -> {
                    Refusal r = Refusal.of(RefusalCode.ALREADY_IN_TRANSFER);
                    List<RefusedAsset> all = allowed.stream().map(a -> RefusedAsset.of(a.asset().id(), a.asset().tag(), r)).toList();
                    return refuse(actor, contract.id(), req.kind(), null, req.approvalId(), r, all, ConfirmContext.api(null, null)).then();
                })
                .then(find(actor, transferId));
    }

    /** The transfer, its lines, and who may now see the assets: one statement. */
    private Mono<Void> insertTransfer(UUID id, Actor actor, OpenRequest req, ContractFacts contract, Decision.Allowed route,
                                      Instant now, UUID[] assetIds) {
        var spec = db.sql("""
                        WITH t AS (
                            INSERT INTO transfer (id, kind, contract_id, from_party_id, to_party_id, approval_id, started_by, started_at)
                            VALUES (:id, :kind, :contract, :from, :to, :approval, :by, :at) RETURNING id),
                        lines AS (
                            INSERT INTO transfer_line (transfer_id, asset_id, line_no)
                            SELECT t.id, u.asset_id, u.n FROM t, unnest(CAST(:assets AS uuid[])) WITH ORDINALITY AS u(asset_id, n))
                        INSERT INTO asset_party_access (asset_id, party_id)
                        SELECT a, p FROM unnest(CAST(:assets AS uuid[])) AS a, unnest(CAST(:parties AS uuid[])) AS p
                        ON CONFLICT DO NOTHING""")
                .bind("id", id).bind("kind", req.kind().name()).bind("contract", contract.id())
                .bind("from", route.fromPartyId()).bind("to", route.toPartyId()).bind("by", actor.userId())
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).bind("assets", assetIds)
                .bind("parties", new UUID[] {route.fromPartyId(), route.toPartyId()});
        return jp.azukari.platform.db.Binds.nullable(spec, "approval", req.kind() == TransferKind.HANDOFF ? req.approvalId() : null, UUID.class).then();
    }

    // ---------------------------------------------------------------- confirm

    private record TransferRow(UUID id, TransferKind kind, TransferStatus status, UUID contractId, UUID fromPartyId,
                               UUID toPartyId, UUID approvalId, ContractFacts contract) {
    }

    private record LineRow(UUID assetId, String tag, LineStatus status, Ledger.Head head) {
    }

    /** The receiving side confirms these lines: all of them move, or none and the refusal is recorded. */
    public Mono<TransferView> confirm(Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        if (ids.isEmpty() || ids.size() > MAX_ASSETS) {
            return Mono.error(Problems.badRequest("Confirm between 1 and " + MAX_ASSETS + " distinct assets"));
        }
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        Mono<Object> work = lockAndDecide(actor, transferId, ids, today)
                .flatMap(d -> {
                    if (!d.refused().isEmpty()) {
                        return Mono.just((Object) new Refused(d.transfer(), d.first(), d.refused()));
                    }
                    return confirmLines(actor, d.transfer(), d.allowed(), d.after(), ctx, now).map(view -> (Object) view);
                });
        return tx.transactional(work)
                .flatMap(result -> {
                    if (result instanceof Refused r) {
                        // written in a transaction of its own, after the refused one ended
                        return this.<TransferView>refuse(actor, r.transfer().contractId(), r.transfer().kind(), r.transfer().id(),
                                r.transfer().approvalId(), r.first(), r.refused(), ctx);
                    }
                    return Mono.just((TransferView) result);
                });
    }

    private record Refused(TransferRow transfer, Refusal first, List<RefusedAsset> refused) {
    }

    private record LineDecisions(TransferRow transfer, List<LineRow> allowed, List<RefusedAsset> refused, Refusal first,
                                 Custody after) {
    }

    /**
     * Locks the transfer and the requested lines and decides each line by the rules; nothing is written. The
     * training check does not depend on the lock, so it is sent alongside it rather than after it.
     */
    private Mono<LineDecisions> lockAndDecide(Actor actor, UUID transferId, java.util.Set<UUID> ids, LocalDate today) {
        return Mono.zip(lockForConfirm(actor, transferId, ids), training.current(actor, today))
                .flatMap(z -> approvalFacts(z.getT1().transfer().approvalId())
                        .map(approval -> decide(actor, z.getT1(), ids, today, approval.orElse(null), z.getT2())));
    }

    /** Decides each requested line by the rules; pure. */
    private static LineDecisions decide(Actor actor, Locked locked, java.util.Set<UUID> ids, LocalDate today, ApprovalFacts approval,
                                        TrainingGate.Status trained) {
        TransferRow t = locked.transfer();
        List<LineRow> allowed = new ArrayList<>();
        List<RefusedAsset> refused = new ArrayList<>();
        Refusal first = null;
        Map<UUID, LineRow> byAsset = new java.util.HashMap<>();
        locked.lines().forEach(l -> byAsset.put(l.assetId(), l));
        for (UUID id : ids) {
            LineRow line = byAsset.get(id);
            Refusal r;
            if (line == null) {
                r = Refusal.of(RefusalCode.NOT_ON_TRANSFER);
            } else {
                Decision d = CustodyRules.confirm(new ConfirmRequest(t.kind(), actor, t.status(), t.toPartyId(),
                        line.status(), approval, today, trained.required(), trained.current()));
                r = d instanceof Decision.Refused refusedDecision ? refusedDecision.refusal() : null;
            }
            if (r != null) {
                first = first == null ? r : first;
                refused.add(RefusedAsset.of(id, line == null ? null : line.tag(), r));
            } else {
                allowed.add(line);
            }
        }
        Custody after = CustodyRules.afterConfirmation(t.kind(), t.contract(), approval, t.toPartyId());
        return new LineDecisions(t, allowed, refused, first, after);
    }

    /** What became of one line in {@link #confirmEach}: confirmed, or refused with the rule. */
    public record LineOutcome(UUID assetId, boolean confirmed, RefusedAsset refusal) {
    }

    /**
     * Confirms each line on its own merits, inside the caller's transaction: allowed lines move, refused ones are
     * recorded as REFUSED events (lines that exist) and reported. Scans use it, so one bad scan spoils nothing.
     */
    public Mono<List<LineOutcome>> confirmEach(Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        return lockAndDecide(actor, transferId, ids, today)
                .flatMap(d -> {
                    TransferRow t = d.transfer();
                    List<NewEvent> refusals = d.refused().stream()
                            .filter(r -> r.tag() != null)
                            .map(r -> NewEvent.of(r.assetId(), t.contractId(), EventType.REFUSED, actor.userId(), now)
                                    .transfer(t.id()).approval(t.approvalId()).refusal(r.code(), r.article())
                                    .device(ctx.deviceId(), ctx.location()).scanned(ctx.scannedPayloads().get(r.assetId()))
                                    .note(t.kind() + " confirmation refused: " + r.detail()).build())
                            .toList();
                    Mono<?> moved = d.allowed().isEmpty() ? Mono.empty() : confirmLines(actor, t, d.allowed(), d.after(), ctx, now);
                    List<LineOutcome> outcomes = new ArrayList<>();
                    d.allowed().forEach(l -> outcomes.add(new LineOutcome(l.assetId(), true, null)));
                    d.refused().forEach(r -> outcomes.add(new LineOutcome(r.assetId(), false, r)));
                    return moved.then(ledger.appendAll(refusals)).thenReturn(List.copyOf(outcomes));
                });
    }

    private record Locked(TransferRow transfer, List<LineRow> lines) {
    }

    private Mono<Locked> lockForConfirm(Actor actor, UUID id, java.util.Set<UUID> assetIds) {
        return lockForConfirmAll(List.of(new ConfirmCall(actor, id, assetIds, null)))
                .flatMap(locked -> locked.get(0) == null
                        // none of the assets is on the transfer: still lock it, to tell 404 from NOT_ON_TRANSFER
                        ? lockTransfer(actor, id).map(t -> new Locked(t, List.of()))
                        : Mono.just(locked.get(0)));
    }

    private Mono<TransferRow> lockTransfer(Actor actor, UUID id) {
        var spec = db.sql("""
                        SELECT t.*, c.agency_party_id, c.contractor_party_id, c.status AS contract_status, c.return_due_on,
                               c.completed_on
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                         WHERE t.id = :id""" + Scope.transfer(actor) + " FOR UPDATE OF t")
                .bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(TransferService::transferRow).one()
                .switchIfEmpty(Mono.error(Problems.notFound("Transfer " + id)));
    }

    private static TransferRow transferRow(Readable r) {
        UUID contractId = r.get("contract_id", UUID.class);
        return new TransferRow(r.get("id", UUID.class), TransferKind.valueOf(r.get("kind", String.class)),
                TransferStatus.valueOf(r.get("status", String.class)), contractId, r.get("from_party_id", UUID.class),
                r.get("to_party_id", UUID.class), r.get("approval_id", UUID.class),
                new ContractFacts(contractId, r.get("agency_party_id", UUID.class), r.get("contractor_party_id", UUID.class),
                        ContractStatus.valueOf(r.get("contract_status", String.class)), r.get("return_due_on", LocalDate.class),
                        r.get("completed_on", LocalDate.class)));
    }

    /** Lines of one transfer that one caller confirms, as the rules allowed them; written by {@link #writeConfirmations}. */
    private record Write(Actor actor, TransferRow transfer, List<LineRow> lines, Custody after, ConfirmContext ctx) {
    }

    private Mono<TransferView> confirmLines(Actor actor, TransferRow t, List<LineRow> lines, Custody after, ConfirmContext ctx,
                                            Instant now) {
        return writeConfirmations(List.of(new Write(actor, t, lines, after, ctx)), now).map(views -> views.get(t.id()));
    }

    /**
     * Writes confirmations of any number of transfers in one statement: the ledger events, the lines, the assets
     * (custody and chain heads) and each transfer with no line left pending; it answers each transfer as it now
     * reads. The caller holds the locks, and no asset is in two of the writes.
     */
    private Mono<Map<UUID, TransferView>> writeConfirmations(List<Write> writes, Instant now) {
        Map<UUID, Ledger.Head> heads = new java.util.HashMap<>();
        List<NewEvent> events = new ArrayList<>();
        List<Write> byLine = new ArrayList<>();
        for (Write w : writes) {
            TransferRow t = w.transfer();
            EventType type = switch (t.kind()) {
                case ISSUE -> EventType.ISSUED;
                case HANDOFF -> EventType.HANDED_OFF;
                case RECOVER -> EventType.RECOVERED;
                case RETURN -> EventType.RETURNED;
            };
            for (LineRow line : w.lines()) {
                heads.put(line.assetId(), line.head());
                byLine.add(w);
                events.add(NewEvent.of(line.assetId(), t.contractId(), type, w.actor().userId(), now)
                        .parties(t.fromPartyId(), t.toPartyId()).transfer(t.id()).approval(t.approvalId())
                        .device(w.ctx().deviceId(), w.ctx().location()).scanned(w.ctx().scannedPayloads().get(line.assetId())).build());
            }
        }
        List<jp.azukari.ledger.LedgerEntry> entries = ledger.chain(heads, events);
        Ledger.Insertion appended = ledger.insertion(entries);
        // One line (a single-asset confirmation, the common case at a counter) is given as plain values so that
        // PostgreSQL keeps one generic plan for the statement; with arrays it re-plans it on every call (measured:
        // planning took longer than running it), which a batch of many lines can afford.
        boolean one = entries.size() == 1;
        String lines = one ? """
                SELECT CAST(:transfer AS uuid) AS transfer_id, CAST(:asset AS uuid) AS asset_id, CAST(:seq AS int) AS seq,
                       CAST(:hash AS bytea) AS hash, CAST(:by AS uuid) AS by_user, CAST(:device AS text) AS device,
                       CAST(:state AS text) AS state, CAST(:holder AS uuid) AS holder, CAST(:due AS date) AS due"""
                : """
                SELECT x.transfer_id, x.asset_id, x.seq, decode(x.hash, 'hex') AS hash, x.by_user, x.device, x.state, x.holder,
                       CAST(x.due AS date) AS due
                  FROM unnest(CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]), CAST(:seqs AS int[]), CAST(:hashes AS text[]),
                              CAST(:bys AS uuid[]), CAST(:devices AS text[]), CAST(:states AS text[]), CAST(:holders AS uuid[]),
                              CAST(:dues AS text[]))
                       AS x(transfer_id, asset_id, seq, hash, by_user, device, state, holder, due)""";
        // What the statement changed is read from the RETURNING of its parts: its other reads see the rows as they
        // were before it. The answer is read starting from the lines written (with "WHERE t.id IN (...)" the planner
        // joined every transfer, line and asset first: 270 ms for 30 lines out of 100,000 instead of 3 ms).
        var spec = db.sql("WITH appended AS (" + appended.sql() + "), u AS (" + lines + """
                        ),
                        confirmed AS (
                            UPDATE transfer_line l SET status = 'CONFIRMED', confirmed_by = u.by_user, confirmed_at = :at, device_id = u.device
                              FROM u WHERE l.transfer_id = u.transfer_id AND l.asset_id = u.asset_id AND l.status = 'PENDING'
                            RETURNING l.transfer_id, l.asset_id, l.status, l.confirmed_by, l.confirmed_at, l.device_id),
                        moved AS (
                            -- the completion date is read here, not from the earlier lock query, so a contract marked
                            -- COMPLETED meanwhile still makes what is confirmed now due from that day (art. 6)
                            UPDATE asset a SET custody_state = u.state, holder_party_id = u.holder,
                                   due_on = CASE WHEN u.due IS NULL THEN NULL
                                                 ELSE LEAST(u.due, (SELECT c.completed_on FROM contract c WHERE c.id = a.contract_id)) END,
                                   last_seq = u.seq, last_hash = u.hash
                              FROM u WHERE a.id = u.asset_id),
                        completed AS (
                            UPDATE transfer t SET status = 'COMPLETED', closed_at = :at
                             WHERE t.id IN (SELECT transfer_id FROM u) AND t.status = 'OPEN'
                               AND NOT EXISTS (SELECT 1 FROM transfer_line p WHERE p.transfer_id = t.id AND p.status = 'PENDING'
                                                  AND NOT EXISTS (SELECT 1 FROM u WHERE u.transfer_id = p.transfer_id
                                                                                    AND u.asset_id = p.asset_id))
                            RETURNING t.id, t.status, t.closed_at)
                        SELECT t.id, t.kind, coalesce(d.status, t.status) AS status, t.contract_id, t.from_party_id,
                               t.to_party_id, t.approval_id, t.started_by, t.started_at,
                               coalesce(d.closed_at, t.closed_at) AS closed_at,
                               c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               l.line_no, l.asset_id, coalesce(n.status, l.status) AS line_status,
                               coalesce(n.confirmed_by, l.confirmed_by) AS confirmed_by,
                               coalesce(n.confirmed_at, l.confirmed_at) AS confirmed_at,
                               coalesce(n.device_id, l.device_id) AS device_id, a.tag, a.title
                          FROM (SELECT DISTINCT transfer_id FROM u) AS k JOIN transfer t ON t.id = k.transfer_id
                          JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                          LEFT JOIN completed d ON d.id = t.id
                          LEFT JOIN transfer_line l ON l.transfer_id = t.id
                          LEFT JOIN confirmed n ON n.transfer_id = l.transfer_id AND n.asset_id = l.asset_id
                          LEFT JOIN asset a ON a.id = l.asset_id
                         ORDER BY t.id, l.line_no""")
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (one) {
            jp.azukari.ledger.LedgerEntry e = entries.get(0);
            Write w = writes.get(0);
            spec = spec.bind("transfer", w.transfer().id()).bind("asset", e.assetId()).bind("seq", e.seq()).bind("hash", e.hash())
                    .bind("by", w.actor().userId()).bind("state", w.after().state().name()).bind("holder", w.after().holderPartyId());
            spec = jp.azukari.platform.db.Binds.nullable(spec, "device", w.ctx().deviceId(), String.class);
            spec = jp.azukari.platform.db.Binds.nullable(spec, "due", w.after().dueOn(), LocalDate.class);
        } else {
            java.util.HexFormat hex = java.util.HexFormat.of();
            spec = spec.bind("transfers", byLine.stream().map(w -> w.transfer().id()).toArray(UUID[]::new))
                    .bind("assets", entries.stream().map(jp.azukari.ledger.LedgerEntry::assetId).toArray(UUID[]::new))
                    .bind("seqs", entries.stream().map(jp.azukari.ledger.LedgerEntry::seq).toArray(Integer[]::new))
                    .bind("hashes", entries.stream().map(e -> hex.formatHex(e.hash())).toArray(String[]::new))
                    .bind("bys", byLine.stream().map(w -> w.actor().userId()).toArray(UUID[]::new))
                    .bind("devices", byLine.stream().map(w -> w.ctx().deviceId()).toArray(String[]::new))
                    .bind("states", byLine.stream().map(w -> w.after().state().name()).toArray(String[]::new))
                    .bind("holders", byLine.stream().map(w -> w.after().holderPartyId()).toArray(UUID[]::new))
                    .bind("dues", byLine.stream().map(w -> w.after().dueOn() == null ? null : w.after().dueOn().toString()).toArray(String[]::new));
        }
        return readViews(appended.bind(spec));
    }

    // ---------------------------------------------------------------- confirmations written together

    /** One caller's confirmation of lines of one transfer. */
    public record ConfirmCall(Actor actor, UUID transferId, java.util.Set<UUID> assetIds, ConfirmContext ctx) {
    }

    /** Confirmations of up to this many lines are written together with others that arrive meanwhile. */
    public static final int GROUPED_MAX_LINES = 20;
    /** At most this many confirmations in one transaction. */
    static final int GROUPED_MAX_CALLS = 64;

    /**
     * As {@link #confirm}, with the confirmations that arrive while others are being written written together, in
     * one transaction and one statement (SPEC §4 holds for each on its own: its lines all move or none do). A
     * confirmation the rules refuse, or one the group could not take, is decided again on its own, so it is
     * answered and recorded exactly as {@link #confirm} would. Not for use inside a caller's transaction.
     */
    public Mono<TransferView> confirmGrouped(Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        if (ids.isEmpty() || ids.size() > GROUPED_MAX_LINES) {
            return confirm(actor, transferId, assetIds, ctx);
        }
        return grouped.submit(new ConfirmCall(actor, transferId, ids, ctx));
    }

    private Mono<TransferView> confirmAlone(ConfirmCall call) {
        return confirm(call.actor(), call.transferId(), List.copyOf(call.assetIds()), call.ctx());
    }

    private Mono<Runnable> confirmTogether(List<Batching.Request<ConfirmCall, TransferView>> batch) {
        if (batch.size() == 1) {
            var request = batch.get(0);
            return confirmAlone(request.value()).<Runnable>map(view -> () -> request.answer(view))
                    .onErrorResume(e -> Mono.just(() -> request.fail(e)));
        }
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        List<ConfirmCall> calls = batch.stream().map(Batching.Request::value).toList();
        Mono<Map<UUID, TransferView>> work = lockAndDecideAll(calls, today).flatMap(decided -> {
            List<Write> writes = new ArrayList<>();
            java.util.Set<UUID> assets = new java.util.HashSet<>();
            for (int i = 0; i < calls.size(); i++) {
                LineDecisions d = decided.get(i);
                if (d != null && d.refused().isEmpty() && d.allowed().stream().allMatch(l -> assets.add(l.assetId()))) {
                    writes.add(new Write(calls.get(i).actor(), d.transfer(), d.allowed(), d.after(), calls.get(i).ctx()));
                }
            }
            return writes.isEmpty() ? Mono.just(Map.<UUID, TransferView>of()) : writeConfirmations(writes, now);
        });
        return tx.transactional(work)
                // the group failed as a whole (a deadlock with another writer, say) and wrote nothing: each alone
                .onErrorResume(e -> {
                    LOG.warn("{} confirmations written together failed ({}); each is tried alone", batch.size(), e.toString());
                    return Mono.just(Map.of());
                })
                .map(views -> () -> batch.forEach(r -> {
                    TransferView written = views.get(r.value().transferId());
                    if (written != null) {
                        r.answer(written);
                    } else {
                        r.answerWith(confirmAlone(r.value())).subscribe();
                    }
                }));
    }

    /** Locks and decides each call as {@link #lockAndDecide} does, for all of them together; null where nothing was found. */
    private Mono<List<LineDecisions>> lockAndDecideAll(List<ConfirmCall> calls, LocalDate today) {
        Map<UUID, Actor> actors = new java.util.LinkedHashMap<>();
        calls.forEach(c -> actors.putIfAbsent(c.actor().userId(), c.actor()));
        Mono<Map<UUID, TrainingGate.Status>> trained = training.current(actors.values(), today);
        return Mono.zip(lockForConfirmAll(calls), trained).flatMap(z -> {
            List<Locked> locked = z.getT1();
            List<UUID> approvalIds = locked.stream().filter(java.util.Objects::nonNull).map(l -> l.transfer().approvalId())
                    .filter(java.util.Objects::nonNull).distinct().toList();
            return Flux.fromIterable(approvalIds).concatMap(id -> approvals.facts(id).map(f -> Map.entry(id, f)))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                    .map(approved -> {
                        List<LineDecisions> decided = new ArrayList<>(calls.size());
                        for (int i = 0; i < calls.size(); i++) {
                            ConfirmCall c = calls.get(i);
                            Locked l = locked.get(i);
                            decided.add(l == null ? null : decide(c.actor(), l, c.assetIds(), today,
                                    l.transfer().approvalId() == null ? null : approved.get(l.transfer().approvalId()),
                                    z.getT2().get(c.actor().userId())));
                        }
                        return decided;
                    });
        });
    }

    /**
     * Locks, for each call, its transfer and the requested lines and assets, all calls' rows in transfer, then asset
     * order (the order every confirmation locks in); null for a call none of whose lines were found.
     */
    private Mono<List<Locked>> lockForConfirmAll(List<ConfirmCall> calls) {
        List<Integer> callNos = new ArrayList<>();
        List<UUID> transfers = new ArrayList<>();
        List<UUID> assets = new ArrayList<>();
        List<UUID> parties = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ConfirmCall c = calls.get(i);
            for (UUID asset : c.assetIds()) {
                callNos.add(i);
                transfers.add(c.transferId());
                assets.add(asset);
                parties.add(c.actor().isScopedToParty() ? c.actor().partyId() : null);
            }
        }
        return db.sql("""
                        SELECT r.call_no, t.*, c.agency_party_id, c.contractor_party_id, c.status AS contract_status,
                               c.return_due_on, c.completed_on, l.status AS line_status, a.id AS asset_id, a.tag,
                               a.last_seq, a.last_hash
                          FROM unnest(CAST(:calls AS int[]), CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]),
                                      CAST(:parties AS uuid[])) AS r(call_no, transfer_id, asset_id, scope_party)
                          JOIN transfer t ON t.id = r.transfer_id
                          JOIN contract c ON c.id = t.contract_id
                          JOIN transfer_line l ON l.transfer_id = t.id AND l.asset_id = r.asset_id
                          JOIN asset a ON a.id = l.asset_id
                         -- a custodian sees a transfer only with its own party on it (Scope.transfer)
                         WHERE r.scope_party IS NULL OR t.from_party_id = r.scope_party OR t.to_party_id = r.scope_party
                         ORDER BY t.id, a.id FOR UPDATE OF t, l, a""")
                .bind("calls", callNos.toArray(Integer[]::new)).bind("transfers", transfers.toArray(UUID[]::new))
                .bind("assets", assets.toArray(UUID[]::new)).bind("parties", parties.toArray(UUID[]::new))
                .map(r -> new Object[] {r.get("call_no", Integer.class), transferRow(r), new LineRow(r.get("asset_id", UUID.class),
                        r.get("tag", String.class), LineStatus.valueOf(r.get("line_status", String.class)), Ledger.Head.from(r, "asset_id"))})
                .all().collectList()
                .map(rows -> {
                    List<Locked> locked = new ArrayList<>(java.util.Collections.nCopies(calls.size(), (Locked) null));
                    for (Object[] row : rows) {
                        int i = (Integer) row[0];
                        Locked before = locked.get(i);
                        List<LineRow> lines = before == null ? new ArrayList<>() : new ArrayList<>(before.lines());
                        lines.add((LineRow) row[2]);
                        locked.set(i, new Locked((TransferRow) row[1], lines));
                    }
                    return locked;
                });
    }

    // ---------------------------------------------------------------- cancel

    /** The sending side (or a MANAGER) calls off an open transfer; lines not yet confirmed stay with the sender. */
    public Mono<TransferView> cancel(Actor actor, UUID transferId, String reason) {
        Instant now = clock.instant();
        Mono<Void> work = lockTransfer(actor, transferId).flatMap(t -> {
            boolean sender = actor.partyId().equals(t.fromPartyId()) && (actor.role() == Role.CUSTODIAN || actor.role() == Role.CLERK);
            if (!sender && actor.role() != Role.MANAGER) {
                return Mono.error(Problems.forbidden("Only the sending party or a MANAGER cancels a transfer"));
            }
            if (t.status() != TransferStatus.OPEN) {
                return Mono.error(Problems.conflict("transfer-not-open", "Transfer " + transferId + " is " + t.status()));
            }
            return db.sql("SELECT asset_id FROM transfer_line WHERE transfer_id = :id AND status = 'PENDING'")
                    .bind("id", transferId).map(r -> r.get("asset_id", UUID.class)).all()
                    .map(asset -> (NewEvent) NewEvent.of(asset, t.contractId(), EventType.TRANSFER_CANCELLED, actor.userId(), now)
                            .parties(t.fromPartyId(), t.toPartyId()).transfer(t.id()).note(reason).build())
                    .collectList()
                    .flatMap(events -> ledger.appendAll(events))
                    .then(db.sql("UPDATE transfer_line SET status = 'CANCELLED' WHERE transfer_id = :id AND status = 'PENDING'")
                            .bind("id", transferId).then())
                    .then(db.sql("UPDATE transfer SET status = 'CANCELLED', closed_at = :at WHERE id = :id")
                            .bind("id", transferId).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).then());
        });
        return tx.transactional(work).then(find(actor, transferId));
    }

    // ---------------------------------------------------------------- refusals

    /**
     * Writes one REFUSED event per refused asset (its own transaction) and answers with the refusal. Assets without
     * a tag were never found on the transfer and get no event here.
     */
    private <T> Mono<T> refuse(Actor actor, UUID contractId, TransferKind kind, UUID transferId, UUID approvalId,
                               Refusal first, List<RefusedAsset> refused, ConfirmContext ctx) {
        var attempt = new RecordedRefusals.Attempt(kind.name(), contractId, approvalId, transferId);
        List<RefusedAsset> known = refused.stream().filter(r -> r.tag() != null).toList();
        return refusals.<T>refuse(actor, attempt, first, known, ctx)
                .onErrorMap(CustodyRefusedException.class, e -> new CustodyRefusedException(first, refused));
    }

    // ---------------------------------------------------------------- reads

    private Mono<List<AssetRow>> loadAssets(Actor actor, java.util.Set<UUID> ids) {
        var spec = db.sql("""
                        SELECT a.id, a.tag, a.contract_id, a.custody_state, a.holder_party_id,
                               EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open
                          FROM asset a WHERE a.id = ANY(:ids)""" + Scope.asset(actor) + " ORDER BY a.id")
                .bind("ids", ids.toArray(UUID[]::new));
        spec = Scope.bind(spec, actor);
        return spec.map(r -> new AssetRow(r.get("id", UUID.class), r.get("tag", String.class), r.get("contract_id", UUID.class),
                        CustodyState.valueOf(r.get("custody_state", String.class)), r.get("holder_party_id", UUID.class),
                        Boolean.TRUE.equals(r.get("in_open", Boolean.class))))
                .all().collectList()
                .flatMap(found -> {
                    if (found.size() == ids.size()) {
                        return Mono.just(found);
                    }
                    var missing = new ArrayList<>(ids);
                    found.forEach(f -> missing.remove(f.id()));
                    return Mono.error(Problems.notFound("Assets " + missing));
                });
    }

    private Mono<ContractFacts> contractFacts(UUID id) {
        return db.sql("SELECT * FROM contract WHERE id = :id").bind("id", id)
                .map(r -> new ContractFacts(id, r.get("agency_party_id", UUID.class), r.get("contractor_party_id", UUID.class),
                        ContractStatus.valueOf(r.get("status", String.class)), r.get("return_due_on", LocalDate.class),
                        r.get("completed_on", LocalDate.class)))
                .one();
    }

    private Mono<java.util.Optional<ApprovalFacts>> approvalFacts(UUID id) {
        return id == null ? Mono.just(java.util.Optional.empty()) : approvals.facts(id).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty());
    }

    private Mono<java.util.Optional<PartyKind>> partyKind(UUID id) {
        return id == null ? Mono.just(java.util.Optional.empty())
                : db.sql("SELECT kind FROM party WHERE id = :id").bind("id", id)
                .map(r -> java.util.Optional.of(PartyKind.valueOf(r.get("kind", String.class)))).one()
                .defaultIfEmpty(java.util.Optional.empty());
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof DataIntegrityViolationException || e instanceof R2dbcDataIntegrityViolationException;
    }

    public Mono<TransferView> find(Actor actor, UUID id) {
        var spec = db.sql("""
                        SELECT t.*, c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               l.line_no, l.asset_id, l.status AS line_status, l.confirmed_by, l.confirmed_at, l.device_id,
                               a.tag, a.title
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                          LEFT JOIN transfer_line l ON l.transfer_id = t.id LEFT JOIN asset a ON a.id = l.asset_id
                         WHERE t.id = :id""" + Scope.transfer(actor) + " ORDER BY l.line_no")
                .bind("id", id);
        spec = Scope.bind(spec, actor);
        return readView(spec, id);
    }

    /** A transfer from rows of its header joined with each of its lines (as {@link #find} selects them). */
    private static Mono<TransferView> readView(GenericExecuteSpec spec, UUID id) {
        return readViews(spec).flatMap(views -> views.isEmpty() ? Mono.error(Problems.notFound("Transfer " + id))
                : Mono.just(views.values().iterator().next()));
    }

    /** Transfers from rows of their headers joined with each of their lines, rows of one transfer together. */
    private static Mono<Map<UUID, TransferView>> readViews(GenericExecuteSpec spec) {
        return spec.map(r -> {
                    TransferView header = view(r, List.of());
                    Integer lineNo = r.get("line_no", Integer.class);
                    OffsetDateTime at = r.get("confirmed_at", OffsetDateTime.class);
                    TransferView.Line line = lineNo == null ? null : new TransferView.Line(lineNo, r.get("asset_id", UUID.class),
                            r.get("tag", String.class), r.get("title", String.class), r.get("line_status", String.class),
                            r.get("confirmed_by", UUID.class), at == null ? null : at.toInstant(), r.get("device_id", String.class));
                    return java.util.Map.entry(header, java.util.Optional.ofNullable(line));
                })
                .all().collectList()
                .map(rows -> {
                    Map<UUID, TransferView> headers = new java.util.LinkedHashMap<>();
                    Map<UUID, List<TransferView.Line>> lines = new java.util.HashMap<>();
                    for (var row : rows) {
                        UUID id = row.getKey().id();
                        headers.putIfAbsent(id, row.getKey());
                        List<TransferView.Line> these = lines.computeIfAbsent(id, k -> new ArrayList<>());
                        row.getValue().ifPresent(these::add);
                    }
                    Map<UUID, TransferView> views = new java.util.LinkedHashMap<>();
                    headers.forEach((id, header) -> views.put(id, header.withLines(lines.get(id))));
                    return views;
                });
    }

    private static TransferView view(Readable t, List<TransferView.Line> lines) {
        OffsetDateTime closed = t.get("closed_at", OffsetDateTime.class);
        int pending = (int) lines.stream().filter(l -> "PENDING".equals(l.status())).count();
        return new TransferView(t.get("id", UUID.class), t.get("kind", String.class), t.get("status", String.class),
                t.get("contract_id", UUID.class), t.get("contract_number", String.class), t.get("from_party_id", UUID.class),
                t.get("from_name", String.class), t.get("to_party_id", UUID.class), t.get("to_name", String.class),
                t.get("approval_id", UUID.class), t.get("started_by", UUID.class),
                t.get("started_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant(), pending, lines);
    }

    public record Summary(UUID id, String kind, String status, UUID contractId, String contractNumber, UUID fromPartyId,
                          String fromPartyName, UUID toPartyId, String toPartyName, Instant startedAt, long lines, long pendingLines) {
    }

    public Flux<Summary> list(Actor actor, UUID contractId, String status, String kind, int limit, int offset) {
        var spec = db.sql("""
                        SELECT t.*, c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               (SELECT count(*) FROM transfer_line l WHERE l.transfer_id = t.id) AS line_count,
                               (SELECT count(*) FROM transfer_line l WHERE l.transfer_id = t.id AND l.status = 'PENDING') AS pending_count
                          FROM transfer t JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                         WHERE (CAST(:contract AS uuid) IS NULL OR t.contract_id = :contract)
                           AND (CAST(:status AS text) IS NULL OR t.status = :status)
                           AND (CAST(:kind AS text) IS NULL OR t.kind = :kind)""" + Scope.transfer(actor)
                        + " ORDER BY t.started_at DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "status", status, String.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "kind", kind, String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(r -> new Summary(r.get("id", UUID.class), r.get("kind", String.class), r.get("status", String.class),
                r.get("contract_id", UUID.class), r.get("contract_number", String.class), r.get("from_party_id", UUID.class),
                r.get("from_name", String.class), r.get("to_party_id", UUID.class), r.get("to_name", String.class),
                r.get("started_at", OffsetDateTime.class).toInstant(), r.get("line_count", Long.class),
                r.get("pending_count", Long.class))).all();
    }

    // ---------------------------------------------------------------- close with missing lines

    /** A transfer closed with the lines never confirmed marked MISSING; those assets stayed with the sender. */
    public record ClosedWithMissing(UUID transferId, UUID contractId, TransferKind kind, List<UUID> missingAssetIds) {
    }

    /**
     * The receiving or sending side (or a MANAGER) closes an open transfer whose remaining lines never arrived: each
     * is marked MISSING (one MARKED_MISSING event per asset) and the transfer is COMPLETED. Custody does not move.
     * The caller opens the LOSS incident for the missing assets (SPEC §4), in the same transaction when it wants both.
     */
    public Mono<ClosedWithMissing> closeWithMissing(Actor actor, UUID transferId, String reason) {
        Instant now = clock.instant();
        Mono<ClosedWithMissing> work = lockTransfer(actor, transferId).flatMap(t -> {
            boolean side = (actor.partyId().equals(t.toPartyId()) || actor.partyId().equals(t.fromPartyId()))
                    && (actor.role() == Role.CUSTODIAN || actor.role() == Role.CLERK);
            if (!side && actor.role() != Role.MANAGER) {
                return Mono.error(Problems.forbidden("Only the receiving or sending party, or a MANAGER, closes a transfer with missing lines"));
            }
            if (t.status() != TransferStatus.OPEN) {
                return Mono.error(Problems.conflict("transfer-not-open", "Transfer " + transferId + " is " + t.status()));
            }
            return db.sql("SELECT asset_id FROM transfer_line WHERE transfer_id = :id AND status = 'PENDING' ORDER BY asset_id")
                    .bind("id", transferId).map(r -> r.get("asset_id", UUID.class)).all()
                    .collectList()
                    .flatMap(pending -> ledger.appendAll(pending.stream()
                                    .map(asset -> NewEvent.of(asset, t.contractId(), EventType.MARKED_MISSING, actor.userId(), now)
                                            .parties(t.fromPartyId(), t.toPartyId()).transfer(t.id())
                                            .note(t.kind() + " line never confirmed" + (reason == null ? "" : ": " + reason)).build())
                                    .toList())
                            .thenReturn(pending))
                    .flatMap(missing -> db.sql("UPDATE transfer_line SET status = 'MISSING' WHERE transfer_id = :id AND status = 'PENDING'")
                            .bind("id", transferId).then()
                            .then(db.sql("UPDATE transfer SET status = 'COMPLETED', closed_at = :at WHERE id = :id")
                                    .bind("id", transferId).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).then())
                            .thenReturn(new ClosedWithMissing(t.id(), t.contractId(), t.kind(), List.copyOf(missing))));
        });
        return tx.transactional(work);
    }
}
