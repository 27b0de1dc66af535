package jp.azukari.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Incidents (art. 8): reported by anyone involved about one or more assets of one contract, handled
 * by MANAGERs. A LOSS or THEFT marks its assets LOST (a LOST event each); any other kind appends
 * INCIDENT_REPORTED.
 */
public class IncidentService {

    public static final int MAX_ASSETS = 1000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final Clock clock;
    private final IncidentReads reads;
    private final IncidentHandling handling;

    public IncidentService(
            DatabaseClient db, TransactionalOperator tx, Ledger ledger, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.clock = clock;
        this.reads = new IncidentReads(db);
        this.handling = new IncidentHandling(db, tx, clock, reads);
    }

    public record Report(
            IncidentRules.Kind kind,
            List<UUID> assetIds,
            Instant occurredAt,
            String description,
            UUID transferId) {}

    private record AssetRow(
            UUID id,
            String tag,
            UUID contractId,
            CustodyState state,
            UUID holderPartyId,
            boolean inOpenTransfer,
            int lastSeq,
            byte[] lastHash) {}

    public Mono<IncidentView> report(Actor actor, Report r) {
        var ids = new LinkedHashSet<>(r.assetIds());
        if (!IncidentRules.mayReport(actor.role())) {
            return Mono.error(
                    Problems.forbidden("Only a MANAGER, CLERK or CUSTODIAN reports incidents"));
        }
        if (ids.isEmpty() || ids.size() > MAX_ASSETS) {
            return Mono.error(
                    Problems.invalidField(
                            "assetIds", "must name between 1 and " + MAX_ASSETS + " assets"));
        }
        Instant now = clock.instant();
        if (r.occurredAt().isAfter(now)) {
            return Mono.error(Problems.invalidField("occurredAt", "must not be in the future"));
        }
        UUID id = UUID.randomUUID();
        Mono<UUID> work =
                lockAssets(actor, ids)
                        .flatMap(
                                assets -> {
                                    if (assets.size() != ids.size()) {
                                        var missing = new ArrayList<>(ids);
                                        assets.forEach(a -> missing.remove(a.id()));
                                        return Mono.error(Problems.notFound("Assets " + missing));
                                    }
                                    if (assets.stream().map(AssetRow::contractId).distinct().count()
                                            != 1) {
                                        return Mono.error(
                                                Problems.exception(
                                                        ProblemKind.UNPROCESSABLE_CONTENT,
                                                        "mixed-contracts",
                                                        "Assets of several contracts",
                                                        "One incident concerns assets of one contract; report one per contract"));
                                    }
                                    if (r.kind().marksLost()) {
                                        for (AssetRow a : assets) {
                                            if (IncidentRules.markLost(
                                                            a.tag(), a.state(), a.inOpenTransfer())
                                                    instanceof Decision.Refused refused) {
                                                String slug =
                                                        refused.refusal().code()
                                                                        == RefusalCode
                                                                                .ALREADY_IN_TRANSFER
                                                                ? "asset-in-open-transfer"
                                                                : "asset-not-held";
                                                return Mono.error(
                                                        CustodyRefusedException.answer(
                                                                slug,
                                                                "Conflict",
                                                                refused.refusal()));
                                            }
                                        }
                                    }
                                    UUID contractId = assets.get(0).contractId();
                                    var insert =
                                            db.sql(
                                                            """
                            INSERT INTO incident (id, contract_id, kind, occurred_at, reported_by, reporter_party_id, reported_at,
                                                  description, transfer_id)
                            VALUES (:id, :contract, :kind, :occurred, :by, :party, :at, :description, :transfer)""")
                                                    .bind("id", id)
                                                    .bind("contract", contractId)
                                                    .bind("kind", r.kind().name())
                                                    .bind(
                                                            "occurred",
                                                            OffsetDateTime.ofInstant(
                                                                    r.occurredAt(), ZoneOffset.UTC))
                                                    .bind("by", actor.userId())
                                                    .bind("party", actor.partyId())
                                                    .bind(
                                                            "at",
                                                            OffsetDateTime.ofInstant(
                                                                    now, ZoneOffset.UTC))
                                                    .bind("description", r.description());
                                    insert =
                                            Binds.nullable(
                                                    insert, "transfer", r.transferId(), UUID.class);
                                    return insert.then()
                                            .then(
                                                    db.sql(
                                                                    "INSERT INTO incident_asset (incident_id, asset_id) SELECT :id, unnest(CAST(:assets AS uuid[]))")
                                                            .bind("id", id)
                                                            .bind(
                                                                    "assets",
                                                                    ids.toArray(UUID[]::new))
                                                            .then())
                                            .thenMany(
                                                    Flux.fromIterable(assets)
                                                            .concatMap(
                                                                    a ->
                                                                            record(
                                                                                    actor, id, r, a,
                                                                                    now)))
                                            .then(Mono.just(id));
                                });
        return tx.transactional(work).flatMap(created -> find(actor, created));
    }

    private Mono<Void> record(Actor actor, UUID incidentId, Report r, AssetRow a, Instant now) {
        EventType type = r.kind().marksLost() ? EventType.LOST : EventType.INCIDENT_REPORTED;
        NewEvent event =
                NewEvent.of(a.id(), a.contractId(), type, actor.userId(), now)
                        .parties(a.holderPartyId(), null)
                        .incident(incidentId)
                        .transfer(r.transferId())
                        .note(r.kind() + ": " + abbreviate(r.description()))
                        .build();
        return ledger.appendAfter(new Ledger.Head(a.id(), a.lastSeq(), a.lastHash()), event)
                .flatMap(
                        e ->
                                db.sql(
                                                r.kind().marksLost()
                                                        ? "UPDATE asset SET custody_state = 'LOST', due_on = NULL, last_seq = :seq, last_hash = :hash WHERE id = :id"
                                                        : "UPDATE asset SET last_seq = :seq, last_hash = :hash WHERE id = :id")
                                        .bind("seq", e.seq())
                                        .bind("hash", e.hash())
                                        .bind("id", a.id())
                                        .then());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private Mono<List<AssetRow>> lockAssets(Actor actor, java.util.Set<UUID> ids) {
        var spec =
                db.sql(
                                """
                        SELECT a.id, a.tag, a.contract_id, a.custody_state, a.holder_party_id, a.last_seq, a.last_hash,
                               EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open
                          FROM asset a WHERE a.id = ANY(:ids)"""
                                        + Scope.asset(actor)
                                        + " ORDER BY a.id FOR UPDATE OF a")
                        .bind("ids", ids.toArray(UUID[]::new));
        spec = Scope.bind(spec, actor);
        return spec.map(
                        r ->
                                new AssetRow(
                                        r.get("id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("contract_id", UUID.class),
                                        CustodyState.valueOf(r.get("custody_state", String.class)),
                                        r.get("holder_party_id", UUID.class),
                                        Boolean.TRUE.equals(r.get("in_open", Boolean.class)),
                                        r.get("last_seq", Integer.class),
                                        r.get("last_hash", byte[].class)))
                .all()
                .collectList();
    }

    // ---------------------------------------------------------------- handling (IncidentHandling)

    public Mono<IncidentView> instruct(Actor actor, UUID id, String text) {
        return handling.instruct(actor, id, text);
    }

    public Mono<IncidentView> move(Actor actor, UUID id, IncidentRules.Status to, String note) {
        return handling.move(actor, id, to, note);
    }

    // ---------------------------------------------------------------- reads (IncidentReads)

    public Mono<IncidentView> find(Actor actor, UUID id) {
        return reads.find(actor, id);
    }

    public Flux<IncidentView> list(
            Actor actor, UUID contractId, String status, int limit, int offset) {
        return reads.list(actor, contractId, status, limit, offset);
    }
}
