package jp.azukari.audit;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.incident.IncidentRules;
import jp.azukari.incident.IncidentService;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerEntry;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Audit sessions (inventory, SPEC §3, art. 9): opened at one party (optionally one location and one
 * contract) with the expected set the ledger gives at that moment, scanned through {@link
 * AuditScans}, closed with a fixed result and an AUDIT_SEEN event in the chain of every asset seen.
 */
public class AuditService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final IncidentService incidents;
    private final AuditQueries queries;
    private final Clock clock;

    public AuditService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            IncidentService incidents,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.incidents = incidents;
        this.queries = new AuditQueries(db);
        this.clock = clock;
    }

    public record OpenRequest(UUID partyId, String location, UUID contractId) {}

    public Mono<AuditView> open(Actor actor, OpenRequest req) {
        if (!AuditRules.mayOpen(actor)) {
            return Mono.error(
                    Problems.forbidden(
                            "Only a MANAGER or AUDITOR, or a CUSTODIAN for their own party, opens an audit"));
        }
        if (!AuditRules.mayAudit(actor, req.partyId())) {
            // another party does not exist for a custodian
            return Mono.error(Problems.notFound("Party " + req.partyId()));
        }
        UUID id = UUID.randomUUID();
        Mono<Void> contract =
                req.contractId() == null
                        ? Mono.empty()
                        : queries.visibleContract(actor, req.contractId())
                                .switchIfEmpty(
                                        Mono.error(
                                                () ->
                                                        Problems.notFound(
                                                                "Contract " + req.contractId())))
                                .then();
        Mono<Void> work =
                db.sql("SELECT 1 FROM party WHERE id = :id")
                        .bind("id", req.partyId())
                        .map(r -> 1)
                        .one()
                        .switchIfEmpty(
                                Mono.error(() -> Problems.notFound("Party " + req.partyId())))
                        .then(contract)
                        .then(
                                Binds.nullable(
                                                Binds.nullable(
                                                        db.sql(
                                                                        """
                                INSERT INTO audit (id, party_id, location, contract_id, opened_by, opened_at)
                                VALUES (:id, :party, :location, :contract, :by, :at)""")
                                                                .bind("id", id)
                                                                .bind("party", req.partyId())
                                                                .bind("by", actor.userId())
                                                                .bind(
                                                                        "at",
                                                                        OffsetDateTime.ofInstant(
                                                                                clock.instant(),
                                                                                ZoneOffset.UTC)),
                                                        "location",
                                                        req.location(),
                                                        String.class),
                                                "contract",
                                                req.contractId(),
                                                UUID.class)
                                        .then())
                        .then(
                                Binds.nullable(
                                                db.sql(
                                                                """
                                INSERT INTO audit_expected (audit_id, asset_id)
                                SELECT :id, a.id FROM asset a
                                 WHERE a.holder_party_id = :party AND a.custody_state NOT IN ('DISPOSED', 'LOST')
                                   AND (CAST(:contract AS uuid) IS NULL OR a.contract_id = :contract)""")
                                                        .bind("id", id)
                                                        .bind("party", req.partyId()),
                                                "contract",
                                                req.contractId(),
                                                UUID.class)
                                        .then());
        return tx.transactional(work).then(find(actor, id));
    }

    public Mono<AuditView> find(Actor actor, UUID id) {
        return queries.find(actor, id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Audit " + id)));
    }

    public Flux<AuditView> list(Actor actor, UUID contractId) {
        return queries.list(actor, contractId);
    }

    /** Fixes the result: one row per asset, and an AUDIT_SEEN event for every asset seen. */
    public Mono<AuditView> close(Actor actor, UUID id) {
        Instant now = clock.instant();
        Mono<Void> work =
                queries.lock(actor, id)
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("Audit " + id)))
                        .flatMap(
                                audit -> {
                                    if (!"OPEN".equals(audit.status())) {
                                        return Mono.error(
                                                Problems.conflict(
                                                        "audit-closed",
                                                        "Audit " + id + " is already closed"));
                                    }
                                    return queries.liveItems(id)
                                            .collectList()
                                            .zipWith(queries.firstScans(id))
                                            .flatMap(
                                                    t ->
                                                            fix(
                                                                    actor, audit, t.getT1(),
                                                                    t.getT2(), now));
                                });
        return tx.transactional(work).then(find(actor, id));
    }

    private Mono<Void> fix(
            Actor actor,
            AuditQueries.AuditRow audit,
            List<AuditView.Item> items,
            Map<UUID, AuditQueries.FirstScan> first,
            Instant now) {
        List<NewEvent> seen = new ArrayList<>();
        for (AuditView.Item item : items) {
            AuditQueries.FirstScan f = first.get(item.assetId());
            if (f == null) {
                continue;
            }
            String where =
                    audit.partyName() + (audit.location() == null ? "" : " / " + audit.location());
            seen.add(
                    NewEvent.of(
                                    item.assetId(),
                                    item.contractId(),
                                    EventType.AUDIT_SEEN,
                                    f.scannedBy(),
                                    now)
                            .device(
                                    f.deviceId(),
                                    f.location() != null ? f.location() : audit.location())
                            .note(
                                    "audit "
                                            + audit.id()
                                            + ": "
                                            + item.outcome()
                                            + " at "
                                            + where
                                            + ("UNEXPECTED".equals(item.outcome())
                                                    ? "; the ledger places it at "
                                                            + item.holderName()
                                                    : ""))
                            .build());
        }
        return ledger.appendAll(seen)
                .flatMap(
                        entries -> {
                            Map<UUID, Integer> seqs = new LinkedHashMap<>();
                            entries.forEach((LedgerEntry e) -> seqs.put(e.assetId(), e.seq()));
                            return queries.insertResult(audit.id(), items, seqs);
                        })
                .then(
                        db.sql(
                                        "UPDATE audit SET status = 'CLOSED', closed_by = :by, closed_at = :at WHERE id = :id")
                                .bind("by", actor.userId())
                                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                .bind("id", audit.id())
                                .then());
    }

    /**
     * Reports every MISSING asset of a closed audit not yet reported as a LOSS incident, one
     * incident per contract.
     */
    public Mono<AuditView> reportMissing(Actor actor, UUID id) {
        return find(actor, id)
                .flatMap(
                        view -> {
                            if (!"CLOSED".equals(view.status())) {
                                return Mono.error(
                                        Problems.conflict(
                                                "audit-open",
                                                "Close audit "
                                                        + id
                                                        + " first: its result is not fixed yet"));
                            }
                            Map<String, List<UUID>> byContract = new LinkedHashMap<>();
                            view.items().stream()
                                    .filter(
                                            i ->
                                                    "MISSING".equals(i.outcome())
                                                            && i.incidentId() == null)
                                    .forEach(
                                            i ->
                                                    byContract
                                                            .computeIfAbsent(
                                                                    i.contractNumber(),
                                                                    k -> new ArrayList<>())
                                                            .add(i.assetId()));
                            if (byContract.isEmpty()) {
                                return Mono.error(
                                        Problems.conflict(
                                                "nothing-missing",
                                                "Audit "
                                                        + id
                                                        + " has no missing asset left to report"));
                            }
                            String description =
                                    "監査（棚卸し）で所在不明 / Missing at the audit of "
                                            + view.partyName()
                                            + (view.location() == null
                                                    ? ""
                                                    : " (" + view.location() + ")")
                                            + ", audit "
                                            + id;
                            return Flux.fromIterable(byContract.values())
                                    .concatMap(
                                            ids ->
                                                    incidents
                                                            .report(
                                                                    actor,
                                                                    new IncidentService.Report(
                                                                            IncidentRules.Kind.LOSS,
                                                                            ids,
                                                                            view.closedAt(),
                                                                            description,
                                                                            null))
                                                            .flatMap(
                                                                    incident ->
                                                                            db.sql(
                                                                                            "UPDATE audit_result SET incident_id = :incident WHERE audit_id = :id AND asset_id = ANY(:ids)")
                                                                                    .bind(
                                                                                            "incident",
                                                                                            incident
                                                                                                    .id())
                                                                                    .bind("id", id)
                                                                                    .bind(
                                                                                            "ids",
                                                                                            ids
                                                                                                    .toArray(
                                                                                                            UUID
                                                                                                                            []
                                                                                                                    ::new))
                                                                                    .then()))
                                    .then(find(actor, id));
                        });
    }

    static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
