package jp.azukari.ledger;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A ledger event as the API shows it: hashes in hex. */
public record EventView(
        UUID assetId,
        int seq,
        UUID id,
        UUID contractId,
        String type,
        UUID fromPartyId,
        UUID toPartyId,
        UUID actorUserId,
        String deviceId,
        String location,
        Instant occurredAt,
        UUID transferId,
        UUID approvalId,
        UUID incidentId,
        String scannedPayload,
        String refusalCode,
        String article,
        String note,
        String prevHash,
        String hash) {

    public static EventView of(LedgerEntry e) {
        HexFormat hex = HexFormat.of();
        return new EventView(
                e.assetId(),
                e.seq(),
                e.id(),
                e.contractId(),
                e.type().name(),
                e.fromPartyId(),
                e.toPartyId(),
                e.actorUserId(),
                e.deviceId(),
                e.location(),
                e.occurredAt(),
                e.transferId(),
                e.approvalId(),
                e.incidentId(),
                e.scannedPayload(),
                e.refusalCode(),
                e.article(),
                e.note(),
                hex.formatHex(e.prevHash()),
                hex.formatHex(e.hash()));
    }
}
