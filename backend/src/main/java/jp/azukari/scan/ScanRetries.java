package jp.azukari.scan;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scan ids seen before: every scan id of a batch is locked first (a retried or concurrent copy of
 * the batch waits), then a scan id already stored gets its stored answer back for the same payload
 * and user, a conflict otherwise.
 */
final class ScanRetries {

    private record Stored(byte[] payloadHash, UUID userId, String answer) {}

    private final DatabaseClient db;
    private final JsonMapper json;

    ScanRetries(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Locks the batch's scan ids (in the caller's transaction) and answers those seen before. */
    Mono<Void> lockAndAnswer(Actor actor, List<ScanWork> work) {
        UUID[] ids = work.stream().map(w -> w.scan.scanId()).distinct().toArray(UUID[]::new);
        long[] locks =
                Arrays.stream(ids)
                        .mapToLong(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                        .sorted()
                        .distinct()
                        .toArray();
        return db.sql(
                        "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST(:keys AS bigint[])) AS k ORDER BY 1) AS keys")
                .bind("keys", Arrays.stream(locks).boxed().toArray(Long[]::new))
                .then()
                .then(
                        db.sql(
                                        "SELECT scan_id, payload_sha256, user_id, answer::text AS answer FROM scan WHERE scan_id = ANY(:ids)")
                                .bind("ids", ids)
                                .map(
                                        r ->
                                                Map.entry(
                                                        r.get("scan_id", UUID.class),
                                                        new Stored(
                                                                r.get(
                                                                        "payload_sha256",
                                                                        byte[].class),
                                                                r.get("user_id", UUID.class),
                                                                r.get("answer", String.class))))
                                .all()
                                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .doOnNext(stored -> answer(actor, work, stored))
                .then();
    }

    private void answer(Actor actor, List<ScanWork> work, Map<UUID, Stored> stored) {
        Map<UUID, ScanWork> firstInBatch = new HashMap<>();
        for (ScanWork w : work) {
            Stored s = stored.get(w.scan.scanId());
            ScanWork earlier = firstInBatch.putIfAbsent(w.scan.scanId(), w);
            if (s != null) {
                w.result =
                        MessageDigest.isEqual(s.payloadHash(), w.hash)
                                        && s.userId().equals(actor.userId())
                                ? json.readValue(s.answer(), ScanResult.class)
                                : ScanResult.of(
                                        w.scan.scanId(),
                                        ScanResultCode.CONFLICT,
                                        "This scan id was already used for another label or user");
            } else if (earlier != null && earlier != w) {
                if (MessageDigest.isEqual(earlier.hash, w.hash)) {
                    w.duplicate = true;
                } else {
                    w.result =
                            ScanResult.of(
                                    w.scan.scanId(),
                                    ScanResultCode.CONFLICT,
                                    "This scan id appears twice in the batch with different labels");
                }
            }
        }
    }
}
