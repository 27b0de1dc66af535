package jp.azukari.core.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One ledger event as the canonical encoding sees it (docs/ledger.md): every field that is hashed,
 * and the two hashes. {@code type} is the event type's name. The same record serves the backend and
 * the offline verifier.
 */
public record LedgerEvent(
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
        byte[] prevHash,
        byte[] hash) {}
