package jp.azukari.ledger;

import java.time.Instant;
import java.util.UUID;

/** One stored ledger event, with its place in its asset's chain. */
public record LedgerEntry(
        UUID assetId,
        int seq,
        UUID id,
        UUID contractId,
        EventType type,
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
        byte[] prevHash,
        byte[] hash) {

    static LedgerEntry chain(NewEvent e, int seq, UUID id, Instant occurredAt, byte[] prevHash) {
        LedgerEntry unsealed =
                new LedgerEntry(
                        e.assetId(),
                        seq,
                        id,
                        e.contractId(),
                        e.type(),
                        e.fromPartyId(),
                        e.toPartyId(),
                        e.actorUserId(),
                        e.deviceId(),
                        e.location(),
                        occurredAt,
                        e.transferId(),
                        e.approvalId(),
                        e.incidentId(),
                        e.scannedPayload(),
                        e.refusalCode(),
                        e.article(),
                        e.note(),
                        prevHash,
                        null);
        return unsealed.withHash(EventHashing.hash(unsealed));
    }

    /** The event as the core module's canonical encoding and verifiers see it. */
    public jp.azukari.core.ledger.LedgerEvent event() {
        return new jp.azukari.core.ledger.LedgerEvent(
                assetId,
                seq,
                id,
                contractId,
                type.name(),
                fromPartyId,
                toPartyId,
                actorUserId,
                deviceId,
                location,
                occurredAt,
                transferId,
                approvalId,
                incidentId,
                scannedPayload,
                refusalCode,
                article,
                note,
                prevHash,
                hash);
    }

    LedgerEntry withHash(byte[] h) {
        return new LedgerEntry(
                assetId,
                seq,
                id,
                contractId,
                type,
                fromPartyId,
                toPartyId,
                actorUserId,
                deviceId,
                location,
                occurredAt,
                transferId,
                approvalId,
                incidentId,
                scannedPayload,
                refusalCode,
                article,
                note,
                prevHash,
                h);
    }
}
