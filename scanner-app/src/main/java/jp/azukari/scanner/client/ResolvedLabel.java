package jp.azukari.scanner.client;

import java.util.UUID;

/** GET /api/v1/labels/resolve: the asset a genuine label belongs to. */
public record ResolvedLabel(UUID assetId, String tag, String title, UUID contractId, String contractNumber,
        String custodyState, UUID holderPartyId, String holderPartyName) {
}
