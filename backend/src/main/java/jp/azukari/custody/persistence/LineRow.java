package jp.azukari.custody.persistence;

import java.util.UUID;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.ledger.Ledger;

/**
 * One locked line of a transfer: its asset, the asset's tag, chain head and handling requirements
 * (art. 2.2), and the line's status.
 */
public record LineRow(
        UUID assetId, String tag, LineStatus status, Ledger.Head head, String handling) {}
