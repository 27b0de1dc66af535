package jp.azukari.report;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which assets are overdue as of a day (SPEC §4): held outside the agency — with the contractor or
 * a subcontractor, or on an open ISSUE not yet confirmed — and the day is after the due date.
 *
 * <p>An asset's due date is set when its holder confirms receipt (the contract's return date, or
 * the earlier end of the approval that let a subcontractor hold it) and moved forward when the
 * contract is completed early, so the held branch reads {@code asset.due_on} alone, from the
 * covering partial indexes {@code asset_overdue_by_*} of V5. An asset on an open ISSUE has no due
 * date yet: its contract's is used.
 *
 * <p>Each query runs with {@code plan_cache_mode = force_custom_plan}: the driver keeps statements
 * prepared, and the generic plan PostgreSQL would switch to after a few runs cannot know whether
 * "one contract" means 10 rows or 10,000 — measured on the benchmark data set it took 1.5 s where
 * the custom plan takes 30 ms.
 */
public final class OverdueQuery {

    /** Everything, one contract, or one holder (a custodian's own report); null means "any". */
    public record Filter(LocalDate asOf, UUID contractId, UUID holderPartyId) {}

    public record Row(
            UUID assetId,
            String tag,
            String title,
            String kind,
            String sensitivity,
            String custodyState,
            UUID contractId,
            String contractNumber,
            String contractTitle,
            UUID holderPartyId,
            String holderName,
            String holderKind,
            LocalDate dueOn,
            int daysOverdue,
            UUID openTransferId,
            String openTransferKind) {}

    /** How many assets one contract and holder have overdue. */
    public record GroupTotal(UUID contractId, UUID holderPartyId, long assets) {}

    public record Page(List<Row> rows, List<GroupTotal> totals) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public OverdueQuery(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * One page in report order (contract number, holder name, due date, tag) and the totals of
     * every group.
     */
    public Mono<Page> page(Filter f, int limit, long offset) {
        Mono<List<Row>> rows =
                bind(db.sql(pageSql(f)), f)
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map(OverdueQuery::row)
                        .all()
                        .collectList();
        Mono<List<GroupTotal>> totals =
                bind(db.sql(totalsSql(f)), f)
                        .map(
                                r ->
                                        new GroupTotal(
                                                r.get("contract_id", UUID.class),
                                                r.get("holder_party_id", UUID.class),
                                                r.get("assets", Long.class)))
                        .all()
                        .collectList();
        return tx.transactional(customPlans().then(rows).zipWhen(r -> totals, Page::new));
    }

    /** Every row in report order, streamed from the database a batch at a time. */
    public Flux<Row> all(Filter f) {
        Flux<Row> rows =
                bind(db.sql(withOpenTransfer(overdue(f) + ORDERED)), f)
                        .filter(s -> s.fetchSize(1000))
                        .map(OverdueQuery::row)
                        .all();
        return tx.transactional(customPlans().thenMany(rows));
    }

    private Mono<Void> customPlans() {
        return db.sql("SET LOCAL plan_cache_mode = force_custom_plan").then();
    }

    /** The text of {@link #page}'s rows, also for EXPLAIN in the benchmark. */
    public static String pageSql(Filter f) {
        return withOpenTransfer(overdue(f) + ORDERED + " LIMIT :limit OFFSET :offset");
    }

    public static String totalsSql(Filter f) {
        return overdueCte(f)
                + " SELECT o.contract_id, o.holder_party_id, count(*) AS assets FROM overdue o"
                + " GROUP BY o.contract_id, o.holder_party_id";
    }

    /**
     * The overdue rows as a sub-query, e.g. for the reminder job; binds {@code :as_of} and the
     * filter.
     */
    public static String rowsSql(Filter f) {
        return overdue(f);
    }

    private static final String ORDERED = " ORDER BY c.number, p.name, o.due_on, o.tag";

    /** Adds the open transfer each row is in, looked up after the page is cut. */
    private static String withOpenTransfer(String rows) {
        return "SELECT r.*, ot.id AS open_transfer_id, ot.kind AS open_transfer_kind FROM ("
                + rows
                + ") r "
                + """
                 LEFT JOIN LATERAL (SELECT t.id, t.kind FROM transfer_line l JOIN transfer t ON t.id = l.transfer_id
                                     WHERE l.asset_id = r.asset_id AND l.status = 'PENDING') ot ON true
                 ORDER BY r.contract_number, r.holder_name, r.due_on, r.tag""";
    }

    private static String overdue(Filter f) {
        return overdueCte(f)
                + """
                 SELECT o.asset_id, o.tag, o.title, o.kind, o.sensitivity, o.custody_state, o.contract_id,
                       c.number AS contract_number, c.title AS contract_title, o.holder_party_id, p.name AS holder_name,
                       p.kind AS holder_kind, o.due_on, CAST(:as_of AS date) - o.due_on AS days_overdue
                  FROM overdue o
                  JOIN contract c ON c.id = o.contract_id
                  JOIN party p ON p.id = o.holder_party_id""";
    }

    private static String overdueCte(Filter f) {
        String byContract = f.contractId() == null ? "" : " AND a.contract_id = :contract";
        String heldBy = f.holderPartyId() == null ? "" : " AND a.holder_party_id = :holder";
        String issuedTo = f.holderPartyId() == null ? "" : " AND t.to_party_id = :holder";
        return """
                WITH overdue AS (
                    SELECT a.id AS asset_id, a.tag, a.title, a.kind, a.sensitivity, a.custody_state, a.contract_id,
                           a.holder_party_id, a.due_on
                      FROM asset a
                     WHERE a.custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')
                       AND a.due_on < CAST(:as_of AS date)"""
                + byContract
                + heldBy
                + """

                    UNION ALL
                    SELECT a.id, a.tag, a.title, a.kind, a.sensitivity, a.custody_state, a.contract_id,
                           t.to_party_id, LEAST(c.return_due_on, c.completed_on)
                      FROM transfer_line l
                      JOIN transfer t ON t.id = l.transfer_id AND t.kind = 'ISSUE'
                      JOIN asset a ON a.id = l.asset_id
                      JOIN contract c ON c.id = a.contract_id
                     WHERE l.status = 'PENDING'
                       AND LEAST(c.return_due_on, c.completed_on) < CAST(:as_of AS date)"""
                + byContract
                + issuedTo
                + """

                )""";
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Filter f) {
        spec = spec.bind("as_of", f.asOf());
        if (f.contractId() != null) {
            spec = spec.bind("contract", f.contractId());
        }
        if (f.holderPartyId() != null) {
            spec = spec.bind("holder", f.holderPartyId());
        }
        return spec;
    }

    private static Row row(Readable r) {
        return new Row(
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("title", String.class),
                r.get("kind", String.class),
                r.get("sensitivity", String.class),
                r.get("custody_state", String.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("contract_title", String.class),
                r.get("holder_party_id", UUID.class),
                r.get("holder_name", String.class),
                r.get("holder_kind", String.class),
                r.get("due_on", LocalDate.class),
                r.get("days_overdue", Integer.class),
                r.get("open_transfer_id", UUID.class),
                r.get("open_transfer_kind", String.class));
    }
}
