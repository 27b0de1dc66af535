package jp.azukari.receipt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a handover receipt (受領書) prints: one completed transfer, its parties and contract, and each
 * line with who confirmed it, when, and the hash of the ledger event that recorded it (hex, as
 * {@code /assets/{id}/events} shows it).
 */
public record Receipt(
        UUID transferId,
        String kind,
        String contractNumber,
        String contractTitle,
        String fromPartyName,
        String toPartyName,
        String startedByName,
        Instant startedAt,
        Instant closedAt,
        List<Line> lines) {

    public record Line(
            int lineNo,
            String tag,
            String title,
            String status,
            String confirmedByName,
            Instant confirmedAt,
            String deviceId,
            long eventSeq,
            String eventHash) {}

    public long count(String status) {
        return lines.stream().filter(l -> status.equals(l.status())).count();
    }
}
