package jp.azukari.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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

    private final DatabaseClient db;
    private final LedgerVerifier verifier;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final ProvisionsReportService provisions;
    private final ContractRecords records;
    private final ContractEventLines lines;

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
        this.records = new ContractRecords(db);
        this.lines = new ContractEventLines(db);
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
                                                records.approvals(contractId),
                                                records.disposals(contractId),
                                                records.takeOuts(contractId),
                                                records.incidents(contractId),
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
                                                ContractEventLines.CSV_HEADER,
                                                lines.of(contractId),
                                                ContractEventLines::cells)));
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
                                                        ContractRows.instant(r, "closed_at")))
                                .one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + id)));
    }

    private Mono<List<ContractReport.AssetEntry>> assets(UUID contractId, LocalDate today) {
        Mono<Map<UUID, List<ContractReport.ChainEvent>>> chains =
                db.sql(
                                ContractRows.EVENTS
                                        + " WHERE e.contract_id = :id ORDER BY e.asset_id, e.seq")
                        .bind("id", contractId)
                        .map(r -> Map.entry(r.get("asset_id", UUID.class), ContractRows.event(r)))
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
}
