package jp.azukari.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Scans with purpose AUDIT, inside the scan batch's transaction: each genuine label scanned in an
 * open audit is kept (once per scan id: a retried scan is answered from the scan table before it
 * reaches here) and answered FOUND when the asset was expected at the audited party, UNEXPECTED
 * with where the ledger places it when it was not.
 */
public class AuditScans {

    /**
     * The {@code code} of a FOUND or UNEXPECTED answer for an asset already scanned in the audit.
     */
    public static final String ALREADY_SEEN = "ALREADY_SEEN";

    private final DatabaseClient db;

    public AuditScans(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One scan of a genuine label the caller may see, with where the ledger places its asset now.
     */
    public record Scan(
            UUID scanId,
            UUID auditId,
            UUID assetId,
            UUID holderPartyId,
            String holderName,
            String custodyState,
            String location,
            Instant scannedAt) {}

    /** The answer; {@code kept} is false when nothing was recorded (closed or unknown audit). */
    public record Answer(ScanResultCode result, String code, String message, boolean kept) {}

    private record Audit(UUID id, UUID partyId, String partyName, String status) {}

    public Mono<Map<UUID, Answer>> record(Actor actor, String deviceId, List<Scan> scans) {
        if (scans.isEmpty()) {
            return Mono.just(Map.of());
        }
        UUID[] auditIds =
                scans.stream()
                        .map(Scan::auditId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toArray(UUID[]::new);
        UUID[] assetIds = scans.stream().map(Scan::assetId).distinct().toArray(UUID[]::new);
        // FOR SHARE: closing takes the row FOR UPDATE, so no scan slips in after the result is
        // fixed
        return db.sql(
                        "SELECT a.id, a.party_id, a.status, p.name FROM audit a JOIN party p ON p.id = a.party_id"
                                + " WHERE a.id = ANY(:ids) FOR SHARE OF a")
                .bind("ids", auditIds)
                .map(
                        r ->
                                new Audit(
                                        r.get("id", UUID.class),
                                        r.get("party_id", UUID.class),
                                        r.get("name", String.class),
                                        r.get("status", String.class)))
                .all()
                .collectMap(Audit::id)
                .flatMap(
                        audits ->
                                db.sql(
                                                "SELECT audit_id, asset_id FROM audit_expected WHERE audit_id = ANY(:audits) AND asset_id = ANY(:assets)")
                                        .bind("audits", auditIds)
                                        .bind("assets", assetIds)
                                        .map(
                                                r ->
                                                        r.get("audit_id", UUID.class)
                                                                + "/"
                                                                + r.get("asset_id", UUID.class))
                                        .all()
                                        .collect(HashSet<String>::new, Set::add)
                                        .zipWith(seenBefore(auditIds, assetIds))
                                        .flatMap(
                                                t ->
                                                        answer(
                                                                actor, deviceId, scans, audits,
                                                                t.getT1(), t.getT2())));
    }

    /**
     * The (audit, asset) pairs already scanned before this batch: a new scan of one is a repeat.
     */
    private Mono<Set<String>> seenBefore(UUID[] auditIds, UUID[] assetIds) {
        return db.sql(
                        "SELECT DISTINCT audit_id, asset_id FROM audit_scan WHERE audit_id = ANY(:audits) AND asset_id = ANY(:assets)")
                .bind("audits", auditIds)
                .bind("assets", assetIds)
                .map(r -> r.get("audit_id", UUID.class) + "/" + r.get("asset_id", UUID.class))
                .all()
                .collect(HashSet<String>::new, Set::add);
    }

    private Mono<Map<UUID, Answer>> answer(
            Actor actor,
            String deviceId,
            List<Scan> scans,
            Map<UUID, Audit> audits,
            Set<String> expected,
            Set<String> seen) {
        Map<UUID, Answer> answers = new HashMap<>();
        List<Scan> kept = new java.util.ArrayList<>();
        List<Boolean> keptExpected = new java.util.ArrayList<>();
        for (Scan s : scans) {
            Audit a = s.auditId() == null ? null : audits.get(s.auditId());
            if (s.auditId() == null) {
                answers.put(
                        s.scanId(),
                        new Answer(
                                ScanResultCode.INVALID,
                                null,
                                "An AUDIT scan names its auditId",
                                false));
            } else if (a == null || !AuditRules.mayAudit(actor, a.partyId())) {
                answers.put(
                        s.scanId(),
                        new Answer(
                                ScanResultCode.NOT_ALLOWED,
                                "AUDIT_NOT_FOUND",
                                "No such audit for you",
                                false));
            } else if (!"OPEN".equals(a.status())) {
                answers.put(
                        s.scanId(),
                        new Answer(
                                ScanResultCode.REFUSED,
                                "AUDIT_CLOSED",
                                "This audit is closed: its result is fixed",
                                false));
            } else {
                boolean isExpected = expected.contains(a.id() + "/" + s.assetId());
                // a repeat is kept (the scan counts) but the asset counts once
                boolean repeat = !seen.add(a.id() + "/" + s.assetId());
                kept.add(s);
                keptExpected.add(isExpected);
                answers.put(
                        s.scanId(),
                        repeat
                                ? new Answer(
                                        isExpected
                                                ? ScanResultCode.FOUND
                                                : ScanResultCode.UNEXPECTED,
                                        ALREADY_SEEN,
                                        "Already scanned in this audit: the asset counts once"
                                                + (isExpected
                                                        ? ""
                                                        : "; the ledger places it at "
                                                                + s.holderName()),
                                        true)
                                : isExpected
                                        ? new Answer(
                                                ScanResultCode.FOUND,
                                                null,
                                                "Expected at " + a.partyName() + ": found",
                                                true)
                                        : new Answer(
                                                ScanResultCode.UNEXPECTED,
                                                "NOT_EXPECTED_HERE",
                                                "Not expected at "
                                                        + a.partyName()
                                                        + ": the ledger places it at "
                                                        + s.holderName()
                                                        + " ("
                                                        + s.custodyState()
                                                        + ")",
                                                true));
            }
        }
        if (kept.isEmpty()) {
            return Mono.just(answers);
        }
        return db.sql(
                        """
                        INSERT INTO audit_scan (scan_id, audit_id, asset_id, scanned_by, device_id, location, scanned_at, expected,
                                                holder_party_id, custody_state)
                        SELECT u.scan_id, u.audit_id, u.asset_id, :by, :device, u.location, u.scanned_at, u.expected, u.holder, u.state
                          FROM unnest(CAST(:scans AS uuid[]), CAST(:audits AS uuid[]), CAST(:assets AS uuid[]), CAST(:locations AS text[]),
                                      CAST(:at AS timestamptz[]), CAST(:expected AS boolean[]), CAST(:holders AS uuid[]),
                                      CAST(:states AS text[]))
                               AS u(scan_id, audit_id, asset_id, location, scanned_at, expected, holder, state)
                        ON CONFLICT (scan_id) DO NOTHING""")
                .bind("by", actor.userId())
                .bind("device", deviceId)
                .bind("scans", kept.stream().map(Scan::scanId).toArray(UUID[]::new))
                .bind("audits", kept.stream().map(Scan::auditId).toArray(UUID[]::new))
                .bind("assets", kept.stream().map(Scan::assetId).toArray(UUID[]::new))
                .bind("locations", kept.stream().map(Scan::location).toArray(String[]::new))
                .bind(
                        "at",
                        kept.stream()
                                .map(
                                        s ->
                                                OffsetDateTime.ofInstant(
                                                                s.scannedAt(), ZoneOffset.UTC)
                                                        .toString())
                                .toArray(String[]::new))
                .bind("expected", keptExpected.toArray(Boolean[]::new))
                .bind("holders", kept.stream().map(Scan::holderPartyId).toArray(UUID[]::new))
                .bind("states", kept.stream().map(Scan::custodyState).toArray(String[]::new))
                .then()
                .thenReturn(answers);
    }
}
