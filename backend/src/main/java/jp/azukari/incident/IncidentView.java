package jp.azukari.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record IncidentView(
        UUID id,
        UUID contractId,
        String contractNumber,
        String kind,
        String status,
        Instant occurredAt,
        UUID reportedBy,
        UUID reporterPartyId,
        Instant reportedAt,
        String description,
        UUID transferId,
        UUID closedBy,
        Instant closedAt,
        List<Asset> assets,
        List<Entry> timeline) {

    IncidentView with(List<Asset> assets, List<Entry> timeline) {
        return new IncidentView(
                id,
                contractId,
                contractNumber,
                kind,
                status,
                occurredAt,
                reportedBy,
                reporterPartyId,
                reportedAt,
                description,
                transferId,
                closedBy,
                closedAt,
                List.copyOf(assets),
                List.copyOf(timeline));
    }

    public record Asset(
            UUID assetId, String tag, String title, String custodyState, UUID holderPartyId) {}

    /** An instruction of the agency, or a change of status with its note. */
    public record Entry(
            UUID id, String kind, String status, String text, UUID writtenBy, Instant writtenAt) {}
}
