package jp.azukari.approval;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ApprovalView(
        UUID id,
        UUID contractId,
        String contractNumber,
        String kind,
        UUID subcontractorPartyId,
        boolean wholeContract,
        List<UUID> assetIds,
        UUID requestedBy,
        Instant requestedAt,
        UUID decidedBy,
        Instant decidedAt,
        String status,
        LocalDate validUntil,
        String reason,
        String decisionNote) {

    static final String SELECT =
            """
            SELECT ap.*, c.number AS contract_number,
                   ARRAY(SELECT aa.asset_id FROM approval_asset aa WHERE aa.approval_id = ap.id ORDER BY aa.asset_id) AS asset_ids
              FROM approval ap JOIN contract c ON c.id = ap.contract_id
            """;

    static ApprovalView read(Readable r) {
        UUID[] assets = r.get("asset_ids", UUID[].class);
        OffsetDateTime decided = r.get("decided_at", OffsetDateTime.class);
        return new ApprovalView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("kind", String.class),
                r.get("subcontractor_party_id", UUID.class),
                Boolean.TRUE.equals(r.get("whole_contract", Boolean.class)),
                assets == null ? List.of() : List.of(assets),
                r.get("requested_by", UUID.class),
                r.get("requested_at", OffsetDateTime.class).toInstant(),
                r.get("decided_by", UUID.class),
                decided == null ? null : decided.toInstant(),
                r.get("status", String.class),
                r.get("valid_until", LocalDate.class),
                r.get("reason", String.class),
                r.get("decision_note", String.class));
    }
}
