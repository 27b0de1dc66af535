package jp.azukari.custody.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * An approval as the rules see it: its kind, status, the subcontractor it names, its scope and
 * validity.
 */
public record ApprovalFacts(
        UUID id,
        UUID contractId,
        ApprovalKind kind,
        ApprovalStatus status,
        UUID subcontractorPartyId,
        boolean wholeContract,
        Set<UUID> assetIds,
        LocalDate validUntil) {

    public ApprovalFacts {
        assetIds = Set.copyOf(assetIds);
    }

    public boolean covers(UUID assetId) {
        return wholeContract || assetIds.contains(assetId);
    }

    /** Valid through the whole of its last day, read in the agency's time zone. */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(validUntil);
    }
}
