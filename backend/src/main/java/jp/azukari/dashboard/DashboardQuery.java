package jp.azukari.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.azukari.report.OverdueQuery;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The dashboard's counts, each one query on a partial index: overdue assets grouped by contract and
 * holder (the overdue report's own totals, {@link OverdueQuery#totalsSql}), those due soon ({@code
 * asset_overdue_by_due_on}, V5), stale open transfers, pending approvals and open incidents (V40).
 * Read in one transaction, so the numbers agree.
 */
public class DashboardQuery {

    static final int TOP = 10;

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public DashboardQuery(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    record Groups(
            List<Dashboard.ContractCount> byContract,
            List<Dashboard.HolderCount> byHolder,
            long overdue,
            long atSubcontractors) {}

    record Counts(long dueSoon, long staleTransfers, long pendingApprovals, long openIncidents) {}

    public Mono<Dashboard> read(
            LocalDate asOf, String zone, int dueSoonDays, OffsetDateTime staleBefore) {
        Mono<Groups> groups = groups(asOf);
        Mono<Counts> counts =
                db.sql(COUNTS)
                        .bind("as_of", asOf)
                        .bind("soon", asOf.plusDays(dueSoonDays + 1L))
                        .bind("stale", staleBefore)
                        .map(
                                r ->
                                        new Counts(
                                                r.get("due_soon", Long.class),
                                                r.get("stale", Long.class),
                                                r.get("pending", Long.class),
                                                r.get("incidents", Long.class)))
                        .one();
        Mono<Dashboard> both =
                db.sql("SET LOCAL plan_cache_mode = force_custom_plan")
                        .then()
                        .then(
                                groups.zipWith(
                                        counts,
                                        (g, c) ->
                                                new Dashboard(
                                                        asOf,
                                                        zone,
                                                        dueSoonDays,
                                                        g.overdue(),
                                                        g.atSubcontractors(),
                                                        c.dueSoon(),
                                                        c.staleTransfers(),
                                                        staleBefore,
                                                        c.pendingApprovals(),
                                                        c.openIncidents(),
                                                        g.byContract(),
                                                        g.byHolder())));
        return tx.transactional(both);
    }

    /**
     * One row per contract and holder, named; folded here into both groupings (a few thousand rows
     * at most).
     */
    private Mono<Groups> groups(LocalDate asOf) {
        return db.sql(groupsSql(asOf))
                .bind("as_of", asOf)
                .map(
                        r ->
                                new Row(
                                        r.get("contract_id", UUID.class),
                                        r.get("number", String.class),
                                        r.get("title", String.class),
                                        r.get("holder_party_id", UUID.class),
                                        r.get("name", String.class),
                                        r.get("kind", String.class),
                                        r.get("assets", Long.class)))
                .all()
                .collectList()
                .map(DashboardQuery::fold);
    }

    /**
     * The text of the grouped overdue counts, binding {@code :as_of}; also for EXPLAIN in the
     * benchmark.
     */
    public static String groupsSql(LocalDate asOf) {
        return "SELECT t.contract_id, c.number, c.title, t.holder_party_id, p.name, p.kind, t.assets FROM ("
                + OverdueQuery.totalsSql(new OverdueQuery.Filter(asOf, null, null))
                + ") t"
                + " JOIN contract c ON c.id = t.contract_id JOIN party p ON p.id = t.holder_party_id";
    }

    /** The text of the other counts, binding {@code :as_of}, {@code :soon} and {@code :stale}. */
    public static String countsSql() {
        return COUNTS;
    }

    record Row(
            UUID contractId,
            String number,
            String title,
            UUID holderId,
            String holderName,
            String holderKind,
            long assets) {}

    static Groups fold(List<Row> rows) {
        var contracts = new java.util.HashMap<UUID, long[]>();
        var contractNames = new java.util.HashMap<UUID, Row>();
        var holders = new java.util.HashMap<UUID, long[]>();
        var holderNames = new java.util.HashMap<UUID, Row>();
        long all = 0;
        long atSub = 0;
        for (Row r : rows) {
            boolean sub = "SUBCONTRACTOR".equals(r.holderKind());
            long[] c = contracts.computeIfAbsent(r.contractId(), k -> new long[2]);
            c[0] += r.assets();
            c[1] += sub ? r.assets() : 0;
            contractNames.putIfAbsent(r.contractId(), r);
            holders.computeIfAbsent(r.holderId(), k -> new long[1])[0] += r.assets();
            holderNames.putIfAbsent(r.holderId(), r);
            all += r.assets();
            atSub += sub ? r.assets() : 0;
        }
        List<Dashboard.ContractCount> byContract =
                contracts.entrySet().stream()
                        .map(
                                e -> {
                                    Row n = contractNames.get(e.getKey());
                                    return new Dashboard.ContractCount(
                                            e.getKey(),
                                            n.number(),
                                            n.title(),
                                            e.getValue()[0],
                                            e.getValue()[1]);
                                })
                        .sorted(
                                java.util.Comparator.comparingLong(Dashboard.ContractCount::overdue)
                                        .reversed()
                                        .thenComparing(Dashboard.ContractCount::number))
                        .limit(TOP)
                        .toList();
        List<Dashboard.HolderCount> byHolder =
                holders.entrySet().stream()
                        .map(
                                e -> {
                                    Row n = holderNames.get(e.getKey());
                                    return new Dashboard.HolderCount(
                                            e.getKey(),
                                            n.holderName(),
                                            n.holderKind(),
                                            e.getValue()[0]);
                                })
                        .sorted(
                                java.util.Comparator.comparingLong(Dashboard.HolderCount::overdue)
                                        .reversed()
                                        .thenComparing(Dashboard.HolderCount::name))
                        .limit(TOP)
                        .toList();
        return new Groups(byContract, byHolder, all, atSub);
    }

    /**
     * Due soon: held outside the agency, due from today to the last day of the window (not yet
     * overdue), plus unconfirmed ISSUE lines whose contract falls due in the window — the overdue
     * report's two branches.
     */
    private static final String COUNTS =
            """
            SELECT (SELECT count(*) FROM asset a
                     WHERE a.custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')
                       AND a.due_on >= CAST(:as_of AS date) AND a.due_on < CAST(:soon AS date))
                 + (SELECT count(*) FROM transfer_line l
                      JOIN transfer t ON t.id = l.transfer_id AND t.kind = 'ISSUE'
                      JOIN asset a ON a.id = l.asset_id
                      JOIN contract c ON c.id = a.contract_id
                     WHERE l.status = 'PENDING'
                       AND LEAST(c.return_due_on, c.completed_on) >= CAST(:as_of AS date)
                       AND LEAST(c.return_due_on, c.completed_on) < CAST(:soon AS date)) AS due_soon,
                   (SELECT count(*) FROM transfer WHERE status = 'OPEN' AND started_at < :stale) AS stale,
                   (SELECT count(*) FROM approval WHERE status = 'PENDING') AS pending,
                   (SELECT count(*) FROM incident WHERE status <> 'CLOSED') AS incidents""";
}
