package jp.azukari.report;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds a contract's compliance report for a MANAGER or AUDITOR. The JSON form holds the whole
 * contract in memory; the CSV form (one line per ledger event) streams.
 */
public class ContractReportService {

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

    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseClient db;
    private final LedgerVerifier verifier;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final ProvisionsReportService provisions;

    public ContractReportService(
            DatabaseClient db,
            LedgerVerifier verifier,
            Clock clock,
            AgencyTimeZone zone,
            ProvisionsReportService provisions) {
        this.db = db;
        this.verifier = verifier;
        this.clock = clock;
        this.zone = zone;
        this.provisions = provisions;
    }

    public Mono<ContractReport> report(Actor actor, UUID contractId) {
        LocalDate today = zone.today(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return contract(actor, contractId)
                .flatMap(
                        contract ->
                                Mono.zip(
                                                verifier.verify(contractId),
                                                assets(contractId, today),
                                                approvals(contractId),
                                                disposals(contractId),
                                                takeOuts(contractId),
                                                incidents(contractId),
                                                provisions.section(actor, contractId))
                                        .map(
                                                t -> {
                                                    Map<String, Long> byState = new TreeMap<>();
                                                    t.getT2()
                                                            .forEach(
                                                                    a ->
                                                                            byState.merge(
                                                                                    a
                                                                                            .custodyState(),
                                                                                    1L,
                                                                                    Long::sum));
                                                    return new ContractReport(
                                                            contract,
                                                            now,
                                                            today,
                                                            t.getT1().verified(),
                                                            t.getT1(),
                                                            byState,
                                                            t.getT2(),
                                                            t.getT3(),
                                                            t.getT4(),
                                                            t.getT5(),
                                                            t.getT6(),
                                                            t.getT7());
                                                }));
    }

    /** The provisions part alone (art. 2.1, 2.2, 5, 8, 9, 10, 11), for its CSV form. */
    public Mono<ProvisionsSection> provisions(Actor actor, UUID contractId) {
        return contract(actor, contractId).then(provisions.section(actor, contractId));
    }

    /**
     * The ledger verification and the event lines, for the CSV form; errors surface before the
     * response starts.
     */
    public record CsvReport(
            ContractReport.Contract contract, boolean verified, Flux<DataBuffer> body) {}

    public Mono<CsvReport> csv(Actor actor, UUID contractId, DataBufferFactory buffers) {
        return contract(actor, contractId)
                .zipWith(verifier.verify(contractId))
                .map(
                        t ->
                                new CsvReport(
                                        t.getT1(),
                                        t.getT2().verified(),
                                        Csv.stream(
                                                buffers,
                                                CSV_HEADER,
                                                eventLines(contractId),
                                                ContractReportService::cells)));
    }

    private Mono<ContractReport.Contract> contract(Actor actor, UUID id) {
        return Access.require(
                        actor, "read a contract's compliance report", Role.MANAGER, Role.AUDITOR)
                .then(
                        db.sql(
                                        """
                                SELECT c.*, co.name AS contractor_name FROM contract c
                                  JOIN party co ON co.id = c.contractor_party_id WHERE c.id = :id""")
                                .bind("id", id)
                                .map(
                                        r ->
                                                new ContractReport.Contract(
                                                        r.get("id", UUID.class),
                                                        r.get("number", String.class),
                                                        r.get("title", String.class),
                                                        r.get("contractor_party_id", UUID.class),
                                                        r.get("contractor_name", String.class),
                                                        r.get("starts_on", LocalDate.class),
                                                        r.get("ends_on", LocalDate.class),
                                                        r.get("return_due_on", LocalDate.class),
                                                        r.get("status", String.class),
                                                        r.get("completed_on", LocalDate.class),
                                                        instant(r, "closed_at")))
                                .one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + id)));
    }

    private Mono<List<ContractReport.AssetEntry>> assets(UUID contractId, LocalDate today) {
        Mono<Map<UUID, List<ContractReport.ChainEvent>>> chains =
                db.sql(EVENTS + " WHERE e.contract_id = :id ORDER BY e.asset_id, e.seq")
                        .bind("id", contractId)
                        .map(r -> Map.entry(r.get("asset_id", UUID.class), event(r)))
                        .all()
                        .collect(
                                HashMap::new,
                                (m, e) ->
                                        m.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                                .add(e.getValue()));
        return chains.flatMap(
                byAsset ->
                        db.sql(
                                        """
                        SELECT a.*, p.name AS holder_name, p.kind AS holder_kind FROM asset a
                          JOIN party p ON p.id = a.holder_party_id WHERE a.contract_id = :id ORDER BY a.tag""")
                                .bind("id", contractId)
                                .map(
                                        r -> {
                                            UUID id = r.get("id", UUID.class);
                                            String state = r.get("custody_state", String.class);
                                            LocalDate due = r.get("due_on", LocalDate.class);
                                            boolean held =
                                                    "WITH_CONTRACTOR".equals(state)
                                                            || "WITH_SUBCONTRACTOR".equals(state);
                                            Integer overdue =
                                                    held && due != null && today.isAfter(due)
                                                            ? (int)
                                                                    ChronoUnit.DAYS.between(
                                                                            due, today)
                                                            : null;
                                            return new ContractReport.AssetEntry(
                                                    id,
                                                    r.get("tag", String.class),
                                                    r.get("title", String.class),
                                                    r.get("kind", String.class),
                                                    r.get("sensitivity", String.class),
                                                    r.get("copy_of", UUID.class),
                                                    state,
                                                    r.get("holder_party_id", UUID.class),
                                                    r.get("holder_name", String.class),
                                                    r.get("holder_kind", String.class),
                                                    due,
                                                    overdue,
                                                    List.copyOf(
                                                            byAsset.getOrDefault(id, List.of())));
                                        })
                                .all()
                                .collectList());
    }

    private static final String EVENTS =
            """
            SELECT e.*, fp.name AS from_name, tp.name AS to_name, u.username AS actor_username
              FROM custody_event e
              LEFT JOIN party fp ON fp.id = e.from_party_id
              LEFT JOIN party tp ON tp.id = e.to_party_id
              LEFT JOIN app_user u ON u.id = e.actor_user_id""";

    private static ContractReport.ChainEvent event(Readable r) {
        return new ContractReport.ChainEvent(
                r.get("seq", Integer.class),
                r.get("type", String.class),
                instant(r, "occurred_at"),
                r.get("from_party_id", UUID.class),
                r.get("from_name", String.class),
                r.get("to_party_id", UUID.class),
                r.get("to_name", String.class),
                r.get("actor_user_id", UUID.class),
                r.get("actor_username", String.class),
                r.get("device_id", String.class),
                r.get("location", String.class),
                r.get("transfer_id", UUID.class),
                r.get("approval_id", UUID.class),
                r.get("incident_id", UUID.class),
                r.get("refusal_code", String.class),
                r.get("article", String.class),
                r.get("note", String.class),
                HEX.formatHex(r.get("hash", byte[].class)));
    }

    private Mono<List<ContractReport.ApprovalEntry>> approvals(UUID contractId) {
        return db.sql(
                        """
                        SELECT ap.*, sub.name AS sub_name,
                               ARRAY(SELECT aa.asset_id FROM approval_asset aa WHERE aa.approval_id = ap.id ORDER BY aa.asset_id) AS asset_ids
                          FROM approval ap LEFT JOIN party sub ON sub.id = ap.subcontractor_party_id
                         WHERE ap.contract_id = :id ORDER BY ap.requested_at""")
                .bind("id", contractId)
                .map(
                        r ->
                                new ContractReport.ApprovalEntry(
                                        r.get("id", UUID.class),
                                        r.get("kind", String.class),
                                        r.get("status", String.class),
                                        r.get("subcontractor_party_id", UUID.class),
                                        r.get("sub_name", String.class),
                                        Boolean.TRUE.equals(r.get("whole_contract", Boolean.class)),
                                        ids(r, "asset_ids"),
                                        r.get("valid_until", LocalDate.class),
                                        r.get("reason", String.class),
                                        instant(r, "requested_at"),
                                        instant(r, "decided_at"),
                                        r.get("decision_note", String.class)))
                .all()
                .collectList();
    }

    private Mono<List<ContractReport.DisposalEntry>> disposals(UUID contractId) {
        return db.sql(
                        """
                        SELECT d.*, a.tag FROM disposal d JOIN asset a ON a.id = d.asset_id
                         WHERE d.contract_id = :id ORDER BY d.recorded_at""")
                .bind("id", contractId)
                .map(
                        r ->
                                new ContractReport.DisposalEntry(
                                        r.get("id", UUID.class),
                                        r.get("asset_id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("approval_id", UUID.class),
                                        r.get("method", String.class),
                                        r.get("disposed_on", LocalDate.class),
                                        r.get("witness", String.class),
                                        r.get("certificate_filename", String.class),
                                        r.get("certificate_content_type", String.class),
                                        r.get("certificate_size", Integer.class),
                                        HEX.formatHex(r.get("certificate_sha256", byte[].class)),
                                        instant(r, "recorded_at")))
                .all()
                .collectList();
    }

    private Mono<List<ContractReport.TakeOutEntry>> takeOuts(UUID contractId) {
        return db.sql(
                        """
                        SELECT t.*, a.tag FROM take_out t JOIN asset a ON a.id = t.asset_id
                         WHERE t.contract_id = :id ORDER BY t.taken_out_at""")
                .bind("id", contractId)
                .map(
                        r ->
                                new ContractReport.TakeOutEntry(
                                        r.get("id", UUID.class),
                                        r.get("asset_id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("approval_id", UUID.class),
                                        r.get("destination", String.class),
                                        r.get("purpose", String.class),
                                        instant(r, "taken_out_at"),
                                        instant(r, "brought_back_at")))
                .all()
                .collectList();
    }

    private Mono<List<ContractReport.IncidentEntry>> incidents(UUID contractId) {
        Mono<Map<UUID, List<ContractReport.IncidentEntry.Entry>>> timelines =
                db.sql(
                                """
                        SELECT e.* FROM incident_entry e JOIN incident i ON i.id = e.incident_id
                         WHERE i.contract_id = :id ORDER BY e.incident_id, e.entry_no""")
                        .bind("id", contractId)
                        .map(
                                r ->
                                        Map.entry(
                                                r.get("incident_id", UUID.class),
                                                new ContractReport.IncidentEntry.Entry(
                                                        r.get("kind", String.class),
                                                        r.get("status", String.class),
                                                        r.get("text", String.class),
                                                        r.get("written_by", UUID.class),
                                                        instant(r, "written_at"))))
                        .all()
                        .collect(
                                HashMap::new,
                                (m, e) ->
                                        m.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                                .add(e.getValue()));
        return timelines.flatMap(
                byIncident ->
                        db.sql(
                                        """
                        SELECT i.*, ARRAY(SELECT ia.asset_id FROM incident_asset ia WHERE ia.incident_id = i.id
                                          ORDER BY ia.asset_id) AS asset_ids
                          FROM incident i WHERE i.contract_id = :id ORDER BY i.reported_at""")
                                .bind("id", contractId)
                                .map(
                                        r -> {
                                            UUID id = r.get("id", UUID.class);
                                            return new ContractReport.IncidentEntry(
                                                    id,
                                                    r.get("kind", String.class),
                                                    r.get("status", String.class),
                                                    instant(r, "occurred_at"),
                                                    instant(r, "reported_at"),
                                                    r.get("description", String.class),
                                                    ids(r, "asset_ids"),
                                                    r.get("transfer_id", UUID.class),
                                                    instant(r, "closed_at"),
                                                    List.copyOf(
                                                            byIncident.getOrDefault(
                                                                    id, List.of())));
                                        })
                                .all()
                                .collectList());
    }

    private record EventLine(
            String contractNumber,
            String tag,
            String title,
            String state,
            String holder,
            LocalDate dueOn,
            UUID copyOf,
            ContractReport.ChainEvent event) {}

    private Flux<EventLine> eventLines(UUID contractId) {
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
                                        event(r)))
                .all();
    }

    private static List<?> cells(EventLine l) {
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

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<UUID> ids(Readable r, String column) {
        UUID[] ids = r.get(column, UUID[].class);
        return ids == null ? List.of() : List.of(ids);
    }
}
