package jp.azukari.report;

import static jp.azukari.report.ContractRows.ids;
import static jp.azukari.report.ContractRows.instant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The approvals, disposals, take-outs and incidents of a contract, each as its compliance report
 * lists them.
 */
final class ContractRecords {

    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseClient db;

    ContractRecords(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<ContractReport.ApprovalEntry>> approvals(UUID contractId) {
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

    Mono<List<ContractReport.DisposalEntry>> disposals(UUID contractId) {
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

    Mono<List<ContractReport.TakeOutEntry>> takeOuts(UUID contractId) {
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

    Mono<List<ContractReport.IncidentEntry>> incidents(UUID contractId) {
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
}
