package jp.azukari.scanner.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of POST /api/v1/scans: at most {@link #MAX_SCANS} scans from one device. */
public record ScanBatch(String deviceId, List<Scan> scans) {

    public static final int MAX_SCANS = 500;

    public ScanBatch {
        scans = List.copyOf(scans);
        if (scans.isEmpty() || scans.size() > MAX_SCANS) {
            throw new IllegalArgumentException(
                    "a batch holds 1 to " + MAX_SCANS + " scans, not " + scans.size());
        }
    }

    /** {@code transferId} is set for a CONFIRM, {@code auditId} for an AUDIT. */
    public record Scan(
            UUID scanId,
            String payload,
            Instant scannedAt,
            String purpose,
            UUID transferId,
            UUID auditId) {

        public Scan(
                UUID scanId, String payload, Instant scannedAt, String purpose, UUID transferId) {
            this(scanId, payload, scannedAt, purpose, transferId, null);
        }
    }
}
