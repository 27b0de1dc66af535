package jp.azukari.scanner.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One label read, with the id and time it got the moment it was read. {@code transferId} is set for
 * CONFIRM, {@code auditId} for AUDIT; {@code source} says where it was read (a file, a line, a
 * frame) for the line shown once the server answers.
 */
public record QueuedScan(
        UUID scanId,
        String server,
        String deviceId,
        String payload,
        Instant scannedAt,
        Purpose purpose,
        UUID transferId,
        String source,
        UUID auditId)
        implements QueueItem {

    public QueuedScan {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(purpose, "purpose");
        if (purpose == Purpose.CONFIRM && transferId == null) {
            throw new IllegalArgumentException("a CONFIRM scan names its transfer");
        }
        if (purpose == Purpose.AUDIT && auditId == null) {
            throw new IllegalArgumentException("an AUDIT scan names its audit");
        }
    }

    /** A CONFIRM or LOOKUP scan (journals written before audits have no {@code auditId}). */
    public QueuedScan(
            UUID scanId,
            String server,
            String deviceId,
            String payload,
            Instant scannedAt,
            Purpose purpose,
            UUID transferId,
            String source) {
        this(scanId, server, deviceId, payload, scannedAt, purpose, transferId, source, null);
    }

    @Override
    public UUID id() {
        return scanId;
    }
}
