package jp.azukari.scanner.client;

import java.util.List;
import java.util.UUID;

/**
 * GET /api/v1/transfers/{id}/handling (art. 2.2): the handling requirements of the transfer's
 * assets that have some, and their digest, which the receiver quotes when it confirms.
 */
public record Handling(
        UUID transferId, boolean required, List<Requirement> requirements, String acknowledgement) {

    public Handling {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    public record Requirement(
            UUID assetId, String tag, String title, String handlingRequirements) {}
}
