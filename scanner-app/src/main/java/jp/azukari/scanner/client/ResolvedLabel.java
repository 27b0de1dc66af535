package jp.azukari.scanner.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.UUID;

/**
 * GET /api/v1/labels/resolve: the asset a genuine label belongs to. docs/contracts.md names the
 * asset {@code assetId}; the backend answers {@code id} (its asset view), so both are read.
 */
public record ResolvedLabel(
        @JsonAlias("id") UUID assetId,
        String tag,
        String title,
        UUID contractId,
        String contractNumber,
        String custodyState,
        UUID holderPartyId,
        String holderPartyName) {}
