package jp.azukari.inspection;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The bundle's data files: one JSON object per line, as PostgreSQL writes the rows ({@code
 * row_to_json}), so every column is there under its own name. Hashes and certificate digests are
 * hex.
 */
final class BundleFiles {

    private final DatabaseClient db;

    BundleFiles(DatabaseClient db) {
        this.db = db;
    }

    record Certificate(String path, byte[] content) {}

    private Flux<String> json(String sql, UUID contractId) {
        return db.sql("SELECT row_to_json(x)::text AS j FROM (" + sql + ") x")
                .bind("id", contractId)
                .filter(s -> s.fetchSize(1000))
                .map(r -> r.get("j", String.class))
                .all();
    }

    byte[] contractJson(InspectionService.Prepared p) {
        var c = p.contract();
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", c.id().toString());
        m.put("number", c.number());
        m.put("title", c.title());
        m.put("contractor", c.contractor());
        m.put("starts_on", c.startsOn().toString());
        m.put("ends_on", c.endsOn().toString());
        m.put("return_due_on", c.returnDueOn().toString());
        m.put("status", c.status());
        m.put("bundle_made_at", p.at().toString());
        m.put("ledger_verified", p.verification().verified());
        m.put("digest_fingerprint", p.digest().fingerprint());
        return (jp.azukari.core.ledger.FlatJson.write(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    Flux<String> parties(UUID id) {
        return json(
                """
                SELECT p.id, p.name, p.kind FROM party p WHERE p.id IN (
                    SELECT agency_party_id FROM contract WHERE id = :id UNION SELECT contractor_party_id FROM contract WHERE id = :id
                    UNION SELECT holder_party_id FROM asset WHERE contract_id = :id
                    UNION SELECT subcontractor_party_id FROM approval WHERE contract_id = :id
                    UNION SELECT from_party_id FROM transfer WHERE contract_id = :id UNION SELECT to_party_id FROM transfer WHERE contract_id = :id)
                 ORDER BY p.name""",
                id);
    }

    Flux<String> assets(UUID id) {
        return json(
                """
                SELECT a.id, a.tag, a.title, a.kind, a.serial_number, a.sensitivity, a.handling_requirements, a.copy_of,
                       a.custody_state, a.holder_party_id, a.due_on, a.last_seq, encode(a.last_hash, 'hex') AS last_hash, a.created_at
                  FROM asset a WHERE a.contract_id = :id ORDER BY a.tag""",
                id);
    }

    Flux<String> transfers(UUID id) {
        return json(
                "SELECT t.* FROM transfer t WHERE t.contract_id = :id ORDER BY t.started_at, t.id",
                id);
    }

    Flux<String> transferLines(UUID id) {
        return json(
                """
                SELECT l.* FROM transfer_line l JOIN transfer t ON t.id = l.transfer_id
                 WHERE t.contract_id = :id ORDER BY t.started_at, l.transfer_id, l.line_no""",
                id);
    }

    Flux<String> approvals(UUID id) {
        return json(
                """
                SELECT ap.*, ARRAY(SELECT aa.asset_id FROM approval_asset aa WHERE aa.approval_id = ap.id ORDER BY aa.asset_id) AS asset_ids
                  FROM approval ap WHERE ap.contract_id = :id ORDER BY ap.requested_at""",
                id);
    }

    Flux<String> incidents(UUID id) {
        return json(
                """
                SELECT i.*, ARRAY(SELECT ia.asset_id FROM incident_asset ia WHERE ia.incident_id = i.id ORDER BY ia.asset_id) AS asset_ids,
                       (SELECT json_agg(e ORDER BY e.entry_no) FROM incident_entry e WHERE e.incident_id = i.id) AS timeline
                  FROM incident i WHERE i.contract_id = :id ORDER BY i.reported_at""",
                id);
    }

    Flux<String> takeOuts(UUID id) {
        return json(
                "SELECT t.* FROM take_out t WHERE t.contract_id = :id ORDER BY t.taken_out_at", id);
    }

    Flux<String> audits(UUID id) {
        return json(
                """
                SELECT au.*, (SELECT json_agg(r ORDER BY r.asset_id) FROM audit_result r WHERE r.audit_id = au.id) AS results
                  FROM audit au
                 WHERE au.contract_id = :id
                    OR EXISTS (SELECT 1 FROM audit_expected e JOIN asset a ON a.id = e.asset_id WHERE e.audit_id = au.id AND a.contract_id = :id)
                 ORDER BY au.opened_at""",
                id);
    }

    Flux<String> disposals(UUID id) {
        return json(
                """
                SELECT d.id, d.asset_id, d.approval_id, d.party_id, d.method, d.disposed_on, d.witness, d.note,
                       d.certificate_filename, d.certificate_content_type, d.certificate_size,
                       encode(d.certificate_sha256, 'hex') AS certificate_sha256,
                       'certificates/' || d.id || '/' || regexp_replace(regexp_replace(d.certificate_filename, '[^A-Za-z0-9._-]', '_', 'g'), '^[.]', '_') AS certificate_file,
                       d.recorded_by, d.recorded_at
                  FROM disposal d WHERE d.contract_id = :id ORDER BY d.recorded_at""",
                id);
    }

    /**
     * Art. 9: the certifications of the contractor and of every subcontractor an approval of the
     * contract names (provisions: {@code certification}, {@code evidence_file}; see
     * CertificationService#ofContract).
     */
    Flux<String> certifications(UUID id) {
        return json(
                """
                SELECT c.id, c.party_id, p.name AS party_name, c.scheme, c.number, c.scope, c.valid_until,
                       f.filename AS certificate_filename, f.content_type AS certificate_content_type, f.size AS certificate_size,
                       encode(f.sha256, 'hex') AS certificate_sha256, c.registered_by, c.registered_at
                  FROM certification c JOIN party p ON p.id = c.party_id JOIN evidence_file f ON f.id = c.file_id
                 WHERE c.party_id IN (SELECT contractor_party_id FROM contract WHERE id = :id
                                      UNION SELECT subcontractor_party_id FROM approval
                                             WHERE contract_id = :id AND subcontractor_party_id IS NOT NULL)
                 ORDER BY p.name, c.valid_until, c.id""",
                id);
    }

    /** Each certificate as its own entry, one at a time. */
    Flux<Certificate> certificates(UUID id) {
        return db.sql(
                        """
                        SELECT 'certificates/' || d.id || '/' || regexp_replace(regexp_replace(d.certificate_filename, '[^A-Za-z0-9._-]', '_', 'g'), '^[.]', '_') AS path,
                               c.content
                          FROM disposal d JOIN disposal_certificate c ON c.disposal_id = d.id
                         WHERE d.contract_id = :id ORDER BY d.recorded_at""")
                .bind("id", id)
                .filter(s -> s.fetchSize(1))
                .map(
                        r ->
                                new Certificate(
                                        r.get("path", String.class),
                                        r.get("content", byte[].class)))
                .all();
    }
}
