package jp.azukari.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A transfer as a client reads it: its header and every line. */
public record TransferView(
        UUID id,
        String kind,
        String status,
        UUID contractId,
        String contractNumber,
        UUID fromPartyId,
        String fromPartyName,
        UUID toPartyId,
        String toPartyName,
        UUID approvalId,
        UUID startedBy,
        Instant startedAt,
        Instant closedAt,
        int pendingLines,
        List<Line> lines) {

    public TransferView withLines(List<Line> all) {
        int pending = (int) all.stream().filter(l -> "PENDING".equals(l.status())).count();
        return new TransferView(
                id,
                kind,
                status,
                contractId,
                contractNumber,
                fromPartyId,
                fromPartyName,
                toPartyId,
                toPartyName,
                approvalId,
                startedBy,
                startedAt,
                closedAt,
                pending,
                List.copyOf(all));
    }

    public record Line(
            int lineNo,
            UUID assetId,
            String tag,
            String title,
            String status,
            UUID confirmedBy,
            Instant confirmedAt,
            String deviceId) {}
}
