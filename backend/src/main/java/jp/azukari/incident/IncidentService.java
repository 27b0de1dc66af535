package jp.azukari.incident;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.Access;
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

    public IncidentService(
            DatabaseClient db, TransactionalOperator tx, Ledger ledger, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.clock = clock;
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

    // ---------------------------------------------------------------- handling

    public Mono<IncidentView> instruct(Actor actor, UUID id, String text) {
        Mono<Void> work =
                lock(id).flatMap(
                                status ->
                                        IncidentRules.instruct(status)
                                                        instanceof Decision.Refused refused
                                                ? Mono.error(
                                                        CustodyRefusedException.answer(
                                                                "incident-closed",
                                                                "Conflict",
                                                                new Refusal(
                                                                        refused.refusal().code(),
                                                                        "Incident "
                                                                                + id
                                                                                + " is CLOSED")))
                                                : entry(actor, id, "INSTRUCTION", null, text));
        return Access.require(actor, "give instructions on incidents", Role.MANAGER)
                .then(tx.transactional(work))
                .then(find(actor, id));
    }

    public Mono<IncidentView> move(Actor actor, UUID id, IncidentRules.Status to, String note) {
        Instant now = clock.instant();
        Mono<Void> work =
                lock(id).flatMap(
                                from ->
                                        IncidentRules.move(from, to)
                                                        instanceof Decision.Refused refused
                                                ? Mono.<Void>error(
                                                        CustodyRefusedException.answer(
                                                                "incident-status",
                                                                "Conflict",
                                                                refused.refusal()))
                                                : Mono.defer(
                                                        () -> {
                                                            var update =
                                                                    db.sql(
                                                                                    to
                                                                                                    == IncidentRules
                                                                                                            .Status
                                                                                                            .CLOSED
                                                                                            ? "UPDATE incident SET status = :status, closed_by = :by, closed_at = :at WHERE id = :id"
                                                                                            : "UPDATE incident SET status = :status WHERE id = :id")
                                                                            .bind(
                                                                                    "status",
                                                                                    to.name())
                                                                            .bind("id", id);
                                                            if (to == IncidentRules.Status.CLOSED) {
                                                                update =
                                                                        update.bind(
                                                                                        "by",
                                                                                        actor
                                                                                                .userId())
                                                                                .bind(
                                                                                        "at",
                                                                                        OffsetDateTime
                                                                                                .ofInstant(
                                                                                                        now,
                                                                                                        ZoneOffset
                                                                                                                .UTC));
                                                            }
                                                            return update.then()
                                                                    .then(
                                                                            entry(
                                                                                    actor,
                                                                                    id,
                                                                                    "STATUS_CHANGE",
                                                                                    to,
                                                                                    note));
                                                        }));
        return Access.require(actor, "change an incident's status", Role.MANAGER)
                .then(tx.transactional(work))
                .then(find(actor, id));
    }

    private Mono<IncidentRules.Status> lock(UUID id) {
        return db.sql("SELECT status FROM incident WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(r -> IncidentRules.Status.valueOf(r.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Incident " + id)));
    }

    /**
     * Appends to the timeline; the caller holds the incident's row lock, so entry numbers never
     * collide.
     */
    private Mono<Void> entry(
            Actor actor, UUID incidentId, String kind, IncidentRules.Status status, String text) {
        var spec =
                db.sql(
                                """
                        INSERT INTO incident_entry (id, incident_id, entry_no, kind, status, text, written_by, written_at)
                        SELECT :id, :incident, COALESCE(max(e.entry_no), 0) + 1, :kind, :status, :text, :by, :at
                          FROM incident_entry e WHERE e.incident_id = :incident""")
                        .bind("id", UUID.randomUUID())
                        .bind("incident", incidentId)
                        .bind("kind", kind)
                        .bind("by", actor.userId())
                        .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        spec = Binds.nullable(spec, "status", status == null ? null : status.name(), String.class);
        spec = Binds.nullable(spec, "text", text, String.class);
        return spec.then();
    }

    // ---------------------------------------------------------------- reads

    /** A custodian sees incidents its party reported or that concern an asset it can see. */
    private static String scope(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (i.reporter_party_id = :scope_party OR EXISTS (SELECT 1 FROM incident_asset ia"
                        + " JOIN asset_party_access x ON x.asset_id = ia.asset_id WHERE ia.incident_id = i.id AND x.party_id = :scope_party))"
                : "";
    }

    private static final String SELECT =
            "SELECT i.*, c.number AS contract_number FROM incident i JOIN contract c ON c.id = i.contract_id";

    public Mono<IncidentView> find(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE i.id = :id" + scope(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(IncidentService::view)
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Incident " + id)))
                .flatMap(
                        v ->
                                Mono.zip(assets(id), timeline(id))
                                        .map(t -> v.with(t.getT1(), t.getT2())));
    }

    public Flux<IncidentView> list(
            Actor actor, UUID contractId, String status, int limit, int offset) {
        var spec =
                db.sql(
                                SELECT
                                        + " "
                                        + """
                         WHERE (CAST(:contract AS uuid) IS NULL OR i.contract_id = :contract)
                           AND (CAST(:status AS text) IS NULL OR i.status = :status)"""
                                        + scope(actor)
                                        + " ORDER BY i.reported_at DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset);
        spec = Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = Binds.nullable(spec, "status", status, String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(IncidentService::view)
                .all()
                .concatMap(v -> assets(v.id()).map(a -> v.with(a, List.of())));
    }

    private Mono<List<IncidentView.Asset>> assets(UUID incidentId) {
        return db.sql(
                        """
                        SELECT a.id, a.tag, a.title, a.custody_state, a.holder_party_id FROM incident_asset ia
                          JOIN asset a ON a.id = ia.asset_id WHERE ia.incident_id = :id ORDER BY a.tag""")
                .bind("id", incidentId)
                .map(
                        r ->
                                new IncidentView.Asset(
                                        r.get("id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("title", String.class),
                                        r.get("custody_state", String.class),
                                        r.get("holder_party_id", UUID.class)))
                .all()
                .collectList();
    }

    private Mono<List<IncidentView.Entry>> timeline(UUID incidentId) {
        return db.sql("SELECT * FROM incident_entry WHERE incident_id = :id ORDER BY entry_no")
                .bind("id", incidentId)
                .map(
                        r ->
                                new IncidentView.Entry(
                                        r.get("id", UUID.class),
                                        r.get("kind", String.class),
                                        r.get("status", String.class),
                                        r.get("text", String.class),
                                        r.get("written_by", UUID.class),
                                        r.get("written_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }

    private static IncidentView view(Readable r) {
        OffsetDateTime closed = r.get("closed_at", OffsetDateTime.class);
        return new IncidentView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("kind", String.class),
                r.get("status", String.class),
                r.get("occurred_at", OffsetDateTime.class).toInstant(),
                r.get("reported_by", UUID.class),
                r.get("reporter_party_id", UUID.class),
                r.get("reported_at", OffsetDateTime.class).toInstant(),
                r.get("description", String.class),
                r.get("transfer_id", UUID.class),
                r.get("closed_by", UUID.class),
                closed == null ? null : closed.toInstant(),
                List.of(),
                List.of());
    }
}
