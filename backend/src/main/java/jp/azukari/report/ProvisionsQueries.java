package jp.azukari.report;

import static jp.azukari.report.ProvisionsReportService.HANDLING_NOTE;
import static jp.azukari.report.ProvisionsReportService.HANDLING_REFUSAL;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Art. 2.1 and 2.2 of a contract, read straight from the access log and the ledger. */
final class ProvisionsQueries {

    private final DatabaseClient db;

    ProvisionsQueries(DatabaseClient db) {
        this.db = db;
    }

    Mono<ProvisionsSection.AccessLog> accessLog(UUID contractId) {
        return db.sql(
                        """
                        SELECT l.user_id, u.username, p.name AS party_name, count(*) FILTER (WHERE l.outcome = 'READ') AS reads,
                               count(*) FILTER (WHERE l.outcome = 'REFUSED') AS refused, min(l.occurred_at) AS first,
                               max(l.occurred_at) AS last
                          FROM asset_access l LEFT JOIN app_user u ON u.id = l.user_id LEFT JOIN party p ON p.id = l.party_id
                         WHERE l.contract_id = :id GROUP BY l.user_id, u.username, p.name ORDER BY u.username""")
                .bind("id", contractId)
                .map(
                        r ->
                                new ProvisionsSection.AccessLog.Reader(
                                        r.get("user_id", UUID.class),
                                        r.get("username", String.class),
                                        r.get("party_name", String.class),
                                        r.get("reads", Long.class),
                                        r.get("refused", Long.class),
                                        r.get("first", OffsetDateTime.class).toInstant(),
                                        r.get("last", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .map(
                        readers ->
                                new ProvisionsSection.AccessLog(
                                        readers.stream().mapToLong(x -> x.reads()).sum(),
                                        readers.stream().mapToLong(x -> x.refused()).sum(),
                                        readers));
    }

    Mono<ProvisionsSection.Handling> handling(UUID contractId) {
        Mono<Long> refused =
                db.sql(
                                "SELECT count(*) AS n FROM custody_event WHERE contract_id = :id AND refusal_code = :code")
                        .bind("id", contractId)
                        .bind("code", HANDLING_REFUSAL)
                        .map(r -> r.get("n", Long.class))
                        .one();
        return db.sql(
                        """
                        SELECT e.asset_id, a.tag, e.seq, e.type, e.occurred_at, u.username, e.transfer_id, e.note
                          FROM custody_event e JOIN asset a ON a.id = e.asset_id LEFT JOIN app_user u ON u.id = e.actor_user_id
                         WHERE e.contract_id = :id AND e.refusal_code IS NULL AND e.note LIKE :note
                         ORDER BY e.occurred_at, a.tag""")
                .bind("id", contractId)
                .bind("note", "%" + HANDLING_NOTE + "%")
                .map(
                        r ->
                                new ProvisionsSection.Handling.Acknowledgement(
                                        r.get("asset_id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("seq", Integer.class),
                                        r.get("type", String.class),
                                        r.get("occurred_at", OffsetDateTime.class).toInstant(),
                                        r.get("username", String.class),
                                        r.get("transfer_id", UUID.class),
                                        r.get("note", String.class)))
                .all()
                .collectList()
                .zipWith(
                        refused, (list, n) -> new ProvisionsSection.Handling(list.size(), n, list));
    }
}
