package jp.azukari.evidence;

import java.time.Instant;
import java.util.UUID;

/** One evidence row as the API shows it. */
public record EvidenceView(
        UUID id,
        Instant occurredAt,
        String kind,
        UUID userId,
        String username,
        String deviceId,
        String endpoint,
        String presented,
        UUID subjectId,
        String article,
        String detail) {

    static EvidenceView read(io.r2dbc.spi.Readable r) {
        return new EvidenceView(
                r.get("id", UUID.class),
                r.get("occurred_at", Instant.class),
                r.get("kind", String.class),
                r.get("user_id", UUID.class),
                r.get("username", String.class),
                r.get("device_id", String.class),
                r.get("endpoint", String.class),
                r.get("presented", String.class),
                r.get("subject_id", UUID.class),
                r.get("article", String.class),
                r.get("detail", String.class));
    }
}
