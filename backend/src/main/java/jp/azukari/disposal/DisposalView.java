package jp.azukari.disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded disposal. {@code certificate.verified} says whether the stored file still hashes to
 * the SHA-256 recorded (and written into the asset's ledger) when the disposal was made.
 */
public record DisposalView(
        UUID id,
        UUID assetId,
        String tag,
        UUID contractId,
        UUID approvalId,
        String method,
        LocalDate disposedOn,
        String witness,
        String note,
        Certificate certificate,
        UUID recordedBy,
        Instant recordedAt) {

    public record Certificate(
            String filename, String contentType, int size, String sha256, Boolean verified) {}
}
