package jp.azukari.scan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scans kept, with their answers, in one statement: what answers a retry of the same scan id
 * later.
 */
final class ScanRecords {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    ScanRecords(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    Mono<Void> store(Actor actor, String deviceId, List<ScanWork> work) {
        List<ScanWork> kept = work.stream().filter(w -> w.store).toList();
        if (kept.isEmpty()) {
            return Mono.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        HexFormat hex = HexFormat.of();
        return db.sql(
                        """
                        INSERT INTO scan (scan_id, payload_sha256, user_id, device_id, purpose, transfer_id, asset_id, scanned_at,
                                          received_at, result, answer)
                        SELECT u.scan_id, decode(u.hash, 'hex'), :user, :device, u.purpose, u.transfer_id, u.asset_id,
                               u.scanned_at, :now, u.result, CAST(u.answer AS jsonb)
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:hashes AS text[]), CAST(:purposes AS text[]),
                                      CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]), CAST(:scanned AS timestamptz[]),
                                      CAST(:results AS text[]), CAST(:answers AS text[]))
                               AS u(scan_id, hash, purpose, transfer_id, asset_id, scanned_at, result, answer)""")
                .bind("user", actor.userId())
                .bind("device", deviceId)
                .bind("now", now)
                .bind("ids", kept.stream().map(w -> w.scan.scanId()).toArray(UUID[]::new))
                .bind(
                        "hashes",
                        kept.stream().map(w -> hex.formatHex(w.hash)).toArray(String[]::new))
                .bind(
                        "purposes",
                        kept.stream().map(w -> w.scan.purpose().name()).toArray(String[]::new))
                .bind("transfers", kept.stream().map(w -> w.scan.transferId()).toArray(UUID[]::new))
                .bind("assets", kept.stream().map(w -> w.asset.id()).toArray(UUID[]::new))
                .bind(
                        "scanned",
                        kept.stream()
                                .map(w -> w.scan.scannedAt().toString())
                                .toArray(String[]::new))
                .bind(
                        "results",
                        kept.stream().map(w -> w.result.result().name()).toArray(String[]::new))
                .bind(
                        "answers",
                        kept.stream()
                                .map(w -> json.writeValueAsString(w.result))
                                .toArray(String[]::new))
                .then();
    }
}
