package jp.azukari.scanner.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jp.azukari.core.custody.TransferKind;

/**
 * A request to start a transfer of the assets whose labels were scanned. Kept like a scan, so that
 * starting a handoff while the server is down is not lost either; {@code requestId} travels as the
 * request's idempotency key.
 */
public record QueuedTransfer(
        UUID requestId,
        String server,
        String deviceId,
        Instant requestedAt,
        TransferKind kind,
        UUID toPartyId,
        UUID approvalId,
        List<LabelScan> labels)
        implements QueueItem {

    public QueuedTransfer {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toPartyId, "toPartyId");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a transfer needs at least one label");
        }
    }

    @Override
    public UUID id() {
        return requestId;
    }

    /** One label read for the transfer. */
    public record LabelScan(UUID scanId, String payload, Instant scannedAt, String source) {}
}
