package jp.azukari.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.ledger.LedgerVerifier;

/**
 * A contract's compliance report (art. 8): every asset with its state and full custody chain, the
 * approvals, disposals, take-outs and incidents, whether the contract's ledger verifies, and per
 * article what happened under the other provisions ({@code provisions}: access log, handling
 * acknowledgements, devices, report requests, incident timing, certifications, publications,
 * instructions).
 */
public record ContractReport(
        Contract contract,
        Instant generatedAt,
        LocalDate asOf,
        boolean verified,
        LedgerVerifier.Report ledger,
        Map<String, Long> assetsByState,
        List<AssetEntry> assets,
        List<ApprovalEntry> approvals,
        List<DisposalEntry> disposals,
        List<TakeOutEntry> takeOuts,
        List<IncidentEntry> incidents,
        ProvisionsSection provisions) {

    public record Contract(
            UUID id,
            String number,
            String title,
            UUID contractorPartyId,
            String contractorName,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate returnDueOn,
            String status,
            LocalDate completedOn,
            Instant closedAt) {}

    public record AssetEntry(
            UUID id,
            String tag,
            String title,
            String kind,
            String sensitivity,
            UUID copyOf,
            String custodyState,
            UUID holderPartyId,
            String holderName,
            String holderKind,
            LocalDate dueOn,
            Integer daysOverdue,
            List<ChainEvent> chain) {}

    public record ChainEvent(
            int seq,
            String type,
            Instant occurredAt,
            UUID fromPartyId,
            String fromPartyName,
            UUID toPartyId,
            String toPartyName,
            UUID actorUserId,
            String actorUsername,
            String deviceId,
            String location,
            UUID transferId,
            UUID approvalId,
            UUID incidentId,
            String refusalCode,
            String article,
            String note,
            String hash) {}

    public record ApprovalEntry(
            UUID id,
            String kind,
            String status,
            UUID subcontractorPartyId,
            String subcontractorName,
            boolean wholeContract,
            List<UUID> assetIds,
            LocalDate validUntil,
            String reason,
            Instant requestedAt,
            Instant decidedAt,
            String decisionNote) {}

    public record DisposalEntry(
            UUID id,
            UUID assetId,
            String tag,
            UUID approvalId,
            String method,
            LocalDate disposedOn,
            String witness,
            String certificateFilename,
            String certificateContentType,
            int certificateSize,
            String certificateSha256,
            Instant recordedAt) {}

    public record TakeOutEntry(
            UUID id,
            UUID assetId,
            String tag,
            UUID approvalId,
            String destination,
            String purpose,
            Instant takenOutAt,
            Instant broughtBackAt) {}

    public record IncidentEntry(
            UUID id,
            String kind,
            String status,
            Instant occurredAt,
            Instant reportedAt,
            String description,
            List<UUID> assetIds,
            UUID transferId,
            Instant closedAt,
            List<Entry> timeline) {

        public record Entry(
                String kind, String status, String text, UUID writtenBy, Instant writtenAt) {}
    }
}
