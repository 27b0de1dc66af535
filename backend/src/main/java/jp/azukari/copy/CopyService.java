package jp.azukari.copy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import jp.azukari.custody.PriorApprovals;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerEntry;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Approved copies (art. 2.3): a copy is an asset of its own — own tag, label and chain — held by
 * the copier's party, due when the original is, to be returned or disposed of like any asset. The
 * original's chain records COPIED, the copy's chain starts with COPY_REGISTERED; both name the
 * approval.
 */
public class CopyService {

    public static final int MAX_COPIES = 50;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final RecordedRefusals refusals;
    private final PriorApprovals approvals;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public CopyService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            RecordedRefusals refusals,
            PriorApprovals approvals,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.refusals = refusals;
        this.approvals = approvals;
        this.clock = clock;
        this.zone = zone;
    }

    public record Request(UUID approvalId, String title, int count, String note) {}

    public Flux<AssetView> copy(Actor actor, UUID originalId, Request req) {
        if (req.count() < 1 || req.count() > MAX_COPIES) {
            return Flux.error(
                    Problems.invalidField("count", "must be between 1 and " + MAX_COPIES));
        }
        LocalDate today = zone.today(clock);
        return HeldAsset.load(db, actor, originalId, false)
                .flatMap(
                        original ->
                                approvals
                                        .candidates(
                                                original.facts().contractId(),
                                                ApprovalKind.COPY,
                                                req.approvalId())
                                        .flatMap(
                                                candidates -> {
                                                    var outcome =
                                                            CopyRules.copy(
                                                                    actor,
                                                                    original.facts(),
                                                                    original.contractStatus(),
                                                                    candidates,
                                                                    today);
                                                    if (outcome instanceof Decision.Refused r) {
                                                        return refusals.<List<UUID>>refuse(
                                                                actor,
                                                                new RecordedRefusals.Attempt(
                                                                        "COPY",
                                                                        original.facts()
                                                                                .contractId(),
                                                                        req.approvalId(),
                                                                        null),
                                                                originalId,
                                                                original.tag(),
                                                                r.refusal());
                                                    }
                                                    return tx.transactional(
                                                            register(
                                                                    actor,
                                                                    originalId,
                                                                    ((Decision.Granted) outcome)
                                                                            .approval()
                                                                            .id(),
                                                                    req));
                                                }))
                .flatMapMany(
                        ids ->
                                db.sql(AssetView.SELECT + " WHERE a.id = ANY(:ids) ORDER BY a.tag")
                                        .bind("ids", ids.toArray(UUID[]::new))
                                        .map(AssetView::read)
                                        .all());
    }

    private Mono<List<UUID>> register(Actor actor, UUID originalId, UUID approvalId, Request req) {
        Instant now = clock.instant();
        int year = zone.today(clock).getYear();
        return HeldAsset.load(db, actor, originalId, true)
                .flatMap(
                        original -> {
                            if (!original.facts().state().isHeldOutside()
                                    || !actor.partyId().equals(original.facts().holderPartyId())) {
                                return Mono.error(
                                        Problems.conflict(
                                                "asset-changed",
                                                "The asset changed hands while the copy was being registered"));
                            }
                            CustodyState state = original.facts().state();
                            UUID party = actor.partyId();
                            String title =
                                    req.title() != null ? req.title() : original.title() + "（複製）";
                            return db.sql(
                                            "SELECT nextval('asset_tag_seq') AS n FROM generate_series(1, :count)")
                                    .bind("count", req.count())
                                    .map(r -> r.get("n", Long.class))
                                    .all()
                                    .collectList()
                                    .flatMap(
                                            numbers -> {
                                                List<UUID> ids = new ArrayList<>();
                                                List<String> tags = new ArrayList<>();
                                                for (Long n : numbers) {
                                                    ids.add(UUID.randomUUID());
                                                    tags.add(String.format("A-%d-%06d", year, n));
                                                }
                                                UUID contractId = original.facts().contractId();
                                                List<NewEvent> genesis = new ArrayList<>();
                                                for (int i = 0; i < ids.size(); i++) {
                                                    genesis.add(
                                                            NewEvent.of(
                                                                            ids.get(i),
                                                                            contractId,
                                                                            EventType
                                                                                    .COPY_REGISTERED,
                                                                            actor.userId(),
                                                                            now)
                                                                    .parties(null, party)
                                                                    .approval(approvalId)
                                                                    .note(
                                                                            tags.get(i)
                                                                                    + " copy of "
                                                                                    + original.tag()
                                                                                    + (req.note()
                                                                                                    == null
                                                                                            ? ""
                                                                                            : ": "
                                                                                                    + req
                                                                                                            .note()))
                                                                    .build());
                                                }
                                                var insert =
                                                        db.sql(
                                                                        """
                                        INSERT INTO asset (id, tag, contract_id, kind, title, sensitivity, handling_requirements, copy_of,
                                                           custody_state, holder_party_id, due_on)
                                        SELECT u.id, u.tag, :contract, :kind, :title, :sensitivity, :handling, :original, :state,
                                               :party, :due
                                          FROM unnest(CAST(:ids AS uuid[]), CAST(:tags AS text[])) AS u(id, tag)""")
                                                                .bind("contract", contractId)
                                                                .bind("kind", original.kind())
                                                                .bind("title", title)
                                                                .bind(
                                                                        "sensitivity",
                                                                        original.sensitivity())
                                                                .bind("original", originalId)
                                                                .bind("state", state.name())
                                                                .bind("party", party)
                                                                .bind(
                                                                        "ids",
                                                                        ids.toArray(UUID[]::new))
                                                                .bind(
                                                                        "tags",
                                                                        tags.toArray(
                                                                                String[]::new));
                                                insert =
                                                        jp.azukari.platform.db.Binds.nullable(
                                                                insert,
                                                                "handling",
                                                                original.handling(),
                                                                String.class);
                                                insert =
                                                        jp.azukari.platform.db.Binds.nullable(
                                                                insert,
                                                                "due",
                                                                original.dueOn(),
                                                                LocalDate.class);
                                                return insert.then()
                                                        .thenMany(ledger.appendGenesis(genesis))
                                                        .concatMap(this::setHead)
                                                        .then(
                                                                Flux.range(0, ids.size())
                                                                        .concatMap(
                                                                                i ->
                                                                                        ledger
                                                                                                .append(
                                                                                                        NewEvent
                                                                                                                .of(
                                                                                                                        originalId,
                                                                                                                        contractId,
                                                                                                                        EventType
                                                                                                                                .COPIED,
                                                                                                                        actor
                                                                                                                                .userId(),
                                                                                                                        now)
                                                                                                                .parties(
                                                                                                                        party,
                                                                                                                        party)
                                                                                                                .approval(
                                                                                                                        approvalId)
                                                                                                                .note(
                                                                                                                        "copied to "
                                                                                                                                + tags
                                                                                                                                        .get(
                                                                                                                                                i)
                                                                                                                                + " ("
                                                                                                                                + ids
                                                                                                                                        .get(
                                                                                                                                                i)
                                                                                                                                + ")")
                                                                                                                .build()))
                                                                        .then())
                                                        .then(
                                                                db.sql(
                                                                                """
                                                INSERT INTO asset_party_access (asset_id, party_id)
                                                SELECT a, p FROM unnest(CAST(:assets AS uuid[])) AS a, unnest(CAST(:parties AS uuid[])) AS p
                                                ON CONFLICT DO NOTHING""")
                                                                        .bind(
                                                                                "assets",
                                                                                ids.toArray(
                                                                                        UUID[]
                                                                                                ::new))
                                                                        .bind(
                                                                                "parties",
                                                                                new UUID[] {
                                                                                    party,
                                                                                    original
                                                                                            .contractorPartyId()
                                                                                })
                                                                        .then())
                                                        .thenReturn(ids);
                                            });
                        });
    }

    private Mono<Void> setHead(LedgerEntry e) {
        return db.sql("UPDATE asset SET last_seq = :seq, last_hash = :hash WHERE id = :id")
                .bind("seq", e.seq())
                .bind("hash", e.hash())
                .bind("id", e.assetId())
                .then();
    }
}
