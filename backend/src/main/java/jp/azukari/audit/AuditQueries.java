package jp.azukari.audit;

import static jp.azukari.audit.AuditService.instant;

import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.Scope;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reads and writes of audits, scoped to what the caller may see (a custodian: audits of its own
 * party).
 */
final class AuditQueries {

    private final DatabaseClient db;

    AuditQueries(DatabaseClient db) {
        this.db = db;
    }

    record AuditRow(UUID id, UUID partyId, String partyName, String location, String status) {}

    record FirstScan(UUID scannedBy, String deviceId, String location) {}

    private static final String AUDIT =
            """
            SELECT au.*, p.name AS party_name, c.number AS contract_number, ob.display_name AS opened_by_name,
                   cb.display_name AS closed_by_name,
                   ARRAY(SELECT DISTINCT u.display_name FROM audit_scan s JOIN app_user u ON u.id = s.scanned_by
                          WHERE s.audit_id = au.id ORDER BY 1) AS auditors
              FROM audit au JOIN party p ON p.id = au.party_id
              LEFT JOIN contract c ON c.id = au.contract_id
              JOIN app_user ob ON ob.id = au.opened_by
              LEFT JOIN app_user cb ON cb.id = au.closed_by
            """;

    private static String scope(Actor actor) {
        return actor.isScopedToParty() ? " AND au.party_id = :scope_party" : "";
    }

    Mono<Integer> visibleContract(Actor actor, UUID id) {
        return Scope.bind(
                        db.sql("SELECT 1 FROM contract c WHERE c.id = :id" + Scope.contract(actor))
                                .bind("id", id),
                        actor)
                .map(r -> 1)
                .one();
    }

    Mono<AuditRow> lock(Actor actor, UUID id) {
        return Scope.bind(
                        db.sql(
                                        "SELECT au.*, p.name AS party_name FROM audit au JOIN party p ON p.id = au.party_id WHERE au.id = :id"
                                                + scope(actor)
                                                + " FOR UPDATE OF au")
                                .bind("id", id),
                        actor)
                .map(
                        r ->
                                new AuditRow(
                                        r.get("id", UUID.class),
                                        r.get("party_id", UUID.class),
                                        r.get("party_name", String.class),
                                        r.get("location", String.class),
                                        r.get("status", String.class)))
                .one()
                .filter(a -> AuditRules.mayAudit(actor, a.partyId()));
    }

    Mono<AuditView> find(Actor actor, UUID id) {
        return Scope.bind(db.sql(AUDIT + " WHERE au.id = :id" + scope(actor)).bind("id", id), actor)
                .map(AuditQueries::header)
                .one()
                .filter(a -> AuditRules.mayAudit(actor, a.partyId()))
                .flatMap(
                        a ->
                                ("CLOSED".equals(a.status()) ? fixedItems(id) : liveItems(id))
                                        .collectList()
                                        .map(items -> withItems(a, items)));
    }

    Flux<AuditView> list(Actor actor, UUID contractId) {
        String where =
                " WHERE true"
                        + scope(actor)
                        + (contractId == null ? "" : " AND au.contract_id = :contract");
        var spec =
                Scope.bind(db.sql(AUDIT + where + " ORDER BY au.opened_at DESC LIMIT 500"), actor);
        if (contractId != null) {
            spec = spec.bind("contract", contractId);
        }
        return spec.map(AuditQueries::header)
                .all()
                .concatMap(
                        a ->
                                ("CLOSED".equals(a.status())
                                                ? fixedItems(a.id())
                                                : liveItems(a.id()))
                                        .collectList()
                                        .map(items -> withItems(a, items)));
    }

    /** The audits that touched a contract's assets (for its report and bundle), newest first. */
    Flux<UUID> ofContract(UUID contractId) {
        return db.sql(
                        """
                        SELECT au.id FROM audit au WHERE au.contract_id = :id
                            OR EXISTS (SELECT 1 FROM audit_expected e JOIN asset a ON a.id = e.asset_id WHERE e.audit_id = au.id AND a.contract_id = :id)
                            OR EXISTS (SELECT 1 FROM audit_scan s JOIN asset a ON a.id = s.asset_id WHERE s.audit_id = au.id AND a.contract_id = :id)
                         ORDER BY au.opened_at""")
                .bind("id", contractId)
                .map(r -> r.get("id", UUID.class))
                .all();
    }

    private static AuditView header(Readable r) {
        String[] auditors = r.get("auditors", String[].class);
        return new AuditView(
                r.get("id", UUID.class),
                r.get("party_id", UUID.class),
                r.get("party_name", String.class),
                r.get("location", String.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("status", String.class),
                r.get("opened_by", UUID.class),
                r.get("opened_by_name", String.class),
                instant(r, "opened_at"),
                r.get("closed_by", UUID.class),
                r.get("closed_by_name", String.class),
                instant(r, "closed_at"),
                0,
                0,
                0,
                0,
                auditors == null ? List.of() : List.of(auditors),
                List.of());
    }

    private static AuditView withItems(AuditView a, List<AuditView.Item> items) {
        long found = items.stream().filter(i -> "FOUND".equals(i.outcome())).count();
        long missing = items.stream().filter(i -> "MISSING".equals(i.outcome())).count();
        long unexpected = items.stream().filter(i -> "UNEXPECTED".equals(i.outcome())).count();
        return new AuditView(
                a.id(),
                a.partyId(),
                a.partyName(),
                a.location(),
                a.contractId(),
                a.contractNumber(),
                a.status(),
                a.openedBy(),
                a.openedByName(),
                a.openedAt(),
                a.closedBy(),
                a.closedByName(),
                a.closedAt(),
                found + missing,
                found,
                missing,
                unexpected,
                a.auditors(),
                items);
    }

    /**
     * The result so far: expected assets and scanned ones, with where the ledger places each now.
     */
    Flux<AuditView.Item> liveItems(UUID id) {
        return db.sql(
                        """
                        WITH seen AS (SELECT asset_id, count(*) AS n, min(scanned_at) AS first FROM audit_scan
                                       WHERE audit_id = :id GROUP BY asset_id),
                             ids AS (SELECT asset_id FROM audit_expected WHERE audit_id = :id UNION SELECT asset_id FROM seen)
                        SELECT a.id, a.tag, a.title, a.contract_id, c.number, a.holder_party_id, p.name AS holder_name,
                               a.custody_state, (e.asset_id IS NOT NULL) AS expected, coalesce(s.n, 0) AS n, s.first
                          FROM ids JOIN asset a ON a.id = ids.asset_id JOIN contract c ON c.id = a.contract_id
                          JOIN party p ON p.id = a.holder_party_id
                          LEFT JOIN audit_expected e ON e.audit_id = :id AND e.asset_id = a.id
                          LEFT JOIN seen s ON s.asset_id = a.id
                         ORDER BY a.tag""")
                .bind("id", id)
                .map(
                        r -> {
                            long n = r.get("n", Long.class);
                            return new AuditView.Item(
                                    r.get("id", UUID.class),
                                    r.get("tag", String.class),
                                    r.get("title", String.class),
                                    r.get("contract_id", UUID.class),
                                    r.get("number", String.class),
                                    AuditRules.outcome(
                                                    Boolean.TRUE.equals(
                                                            r.get("expected", Boolean.class)),
                                                    n > 0)
                                            .name(),
                                    r.get("holder_party_id", UUID.class),
                                    r.get("holder_name", String.class),
                                    r.get("custody_state", String.class),
                                    (int) n,
                                    instant(r, "first"),
                                    null,
                                    null);
                        })
                .all();
    }

    private Flux<AuditView.Item> fixedItems(UUID id) {
        return db.sql(
                        """
                        SELECT a.id, a.tag, a.title, a.contract_id, c.number, r.holder_party_id, p.name AS holder_name,
                               r.custody_state, r.outcome, r.scans, r.first_seen_at, r.event_seq, r.incident_id
                          FROM audit_result r JOIN asset a ON a.id = r.asset_id JOIN contract c ON c.id = a.contract_id
                          JOIN party p ON p.id = r.holder_party_id
                         WHERE r.audit_id = :id ORDER BY a.tag""")
                .bind("id", id)
                .map(
                        r ->
                                new AuditView.Item(
                                        r.get("id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("title", String.class),
                                        r.get("contract_id", UUID.class),
                                        r.get("number", String.class),
                                        r.get("outcome", String.class),
                                        r.get("holder_party_id", UUID.class),
                                        r.get("holder_name", String.class),
                                        r.get("custody_state", String.class),
                                        r.get("scans", Integer.class),
                                        instant(r, "first_seen_at"),
                                        r.get("event_seq", Integer.class),
                                        r.get("incident_id", UUID.class)))
                .all();
    }

    Mono<Map<UUID, FirstScan>> firstScans(UUID id) {
        return db.sql(
                        """
                        SELECT DISTINCT ON (asset_id) asset_id, scanned_by, device_id, location FROM audit_scan
                         WHERE audit_id = :id ORDER BY asset_id, scanned_at, scan_id""")
                .bind("id", id)
                .map(
                        r ->
                                Map.entry(
                                        r.get("asset_id", UUID.class),
                                        new FirstScan(
                                                r.get("scanned_by", UUID.class),
                                                r.get("device_id", String.class),
                                                r.get("location", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Void> insertResult(UUID id, List<AuditView.Item> items, Map<UUID, Integer> seqs) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(
                        """
                        INSERT INTO audit_result (audit_id, asset_id, outcome, holder_party_id, custody_state, scans, first_seen_at, event_seq)
                        SELECT :id, u.asset, u.outcome, u.holder, u.state, u.scans, u.first, u.seq
                          FROM unnest(CAST(:assets AS uuid[]), CAST(:outcomes AS text[]), CAST(:holders AS uuid[]),
                                      CAST(:states AS text[]), CAST(:scans AS int[]), CAST(:firsts AS timestamptz[]), CAST(:seqs AS int[]))
                               AS u(asset, outcome, holder, state, scans, first, seq)""")
                .bind("id", id)
                .bind("assets", items.stream().map(AuditView.Item::assetId).toArray(UUID[]::new))
                .bind(
                        "outcomes",
                        items.stream().map(AuditView.Item::outcome).toArray(String[]::new))
                .bind(
                        "holders",
                        items.stream().map(AuditView.Item::holderPartyId).toArray(UUID[]::new))
                .bind(
                        "states",
                        items.stream().map(AuditView.Item::custodyState).toArray(String[]::new))
                .bind("scans", items.stream().map(AuditView.Item::scans).toArray(Integer[]::new))
                .bind(
                        "firsts",
                        items.stream()
                                .map(
                                        i ->
                                                i.firstSeenAt() == null
                                                        ? null
                                                        : i.firstSeenAt().toString())
                                .toArray(String[]::new))
                .bind(
                        "seqs",
                        items.stream().map(i -> seqs.get(i.assetId())).toArray(Integer[]::new))
                .then();
    }
}
