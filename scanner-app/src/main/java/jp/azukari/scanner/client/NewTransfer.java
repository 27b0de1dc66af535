package jp.azukari.scanner.client;

import java.util.List;
import java.util.UUID;

/** The body of POST /api/v1/transfers. {@code approvalId} is null unless the handoff needs one. */
public record NewTransfer(String kind, UUID toPartyId, UUID approvalId, List<UUID> assetIds) {

    public NewTransfer {
        assetIds = List.copyOf(assetIds);
    }
}
