package jp.azukari.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit and its result: live while OPEN, fixed once CLOSED. */
public record AuditView(
        UUID id,
        UUID partyId,
        String partyName,
        String location,
        UUID contractId,
        String contractNumber,
        String status,
        UUID openedBy,
        String openedByName,
        Instant openedAt,
        UUID closedBy,
        String closedByName,
        Instant closedAt,
        long expected,
        long found,
        long missing,
        long unexpected,
        List<String> auditors,
        List<Item> items) {

    /** One asset of the result; for an UNEXPECTED one, the holder is where the ledger places it. */
    public record Item(
            UUID assetId,
            String tag,
            String title,
            UUID contractId,
            String contractNumber,
            String outcome,
            UUID holderPartyId,
            String holderName,
            String custodyState,
            int scans,
            Instant firstSeenAt,
            Integer eventSeq,
            UUID incidentId) {}
}
