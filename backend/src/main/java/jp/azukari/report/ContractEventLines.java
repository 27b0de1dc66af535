package jp.azukari.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** The CSV form of a contract's report: one line per ledger event, streamed. */
final class ContractEventLines {

    public static final List<String> CSV_HEADER =
            List.of(
                    "contract_number",
                    "tag",
                    "title",
                    "custody_state",
                    "holder",
                    "due_on",
                    "copy_of",
                    "seq",
                    "event",
                    "occurred_at",
                    "from",
                    "to",
                    "actor",
                    "device",
                    "location",
                    "transfer_id",
                    "approval_id",
                    "incident_id",
                    "refusal_code",
                    "article",
                    "note",
                    "hash");

    private final DatabaseClient db;

    ContractEventLines(DatabaseClient db) {
        this.db = db;
    }

    record EventLine(
            String contractNumber,
            String tag,
            String title,
            String state,
            String holder,
            LocalDate dueOn,
            UUID copyOf,
            ContractReport.ChainEvent event) {}

    Flux<EventLine> of(UUID contractId) {
        return db.sql(
                        """
                        SELECT e.*, fp.name AS from_name, tp.name AS to_name, u.username AS actor_username,
                               a.tag, a.title, a.custody_state, a.due_on, a.copy_of, hp.name AS holder_name, c.number
                          FROM asset a
                          JOIN contract c ON c.id = a.contract_id
                          JOIN party hp ON hp.id = a.holder_party_id
                          JOIN custody_event e ON e.asset_id = a.id
                          LEFT JOIN party fp ON fp.id = e.from_party_id
                          LEFT JOIN party tp ON tp.id = e.to_party_id
                          LEFT JOIN app_user u ON u.id = e.actor_user_id
                         WHERE a.contract_id = :id
                         ORDER BY a.tag, e.seq""")
                .bind("id", contractId)
                .filter(s -> s.fetchSize(1000))
                .map(
                        r ->
                                new EventLine(
                                        r.get("number", String.class),
                                        r.get("tag", String.class),
                                        r.get("title", String.class),
                                        r.get("custody_state", String.class),
                                        r.get("holder_name", String.class),
                                        r.get("due_on", LocalDate.class),
                                        r.get("copy_of", UUID.class),
                                        ContractRows.event(r)))
                .all();
    }

    static List<?> cells(EventLine l) {
        ContractReport.ChainEvent e = l.event();
        return Arrays.asList(
                l.contractNumber(),
                l.tag(),
                l.title(),
                l.state(),
                l.holder(),
                Csv.plain(l.dueOn()),
                Csv.plain(l.copyOf()),
                Csv.plain(e.seq()),
                e.type(),
                Csv.plain(e.occurredAt()),
                e.fromPartyName(),
                e.toPartyName(),
                e.actorUsername(),
                e.deviceId(),
                e.location(),
                Csv.plain(e.transferId()),
                Csv.plain(e.approvalId()),
                Csv.plain(e.incidentId()),
                e.refusalCode(),
                e.article(),
                e.note(),
                Csv.plain(e.hash()));
    }
}
