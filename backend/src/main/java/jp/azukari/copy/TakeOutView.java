package jp.azukari.copy;

import java.time.Instant;
import java.util.UUID;

/**
 * One trip of an asset off its holder's premises; {@code broughtBackAt} is null while it is out.
 */
public record TakeOutView(
        UUID id,
        UUID assetId,
        String tag,
        UUID approvalId,
        UUID partyId,
        String destination,
        String purpose,
        UUID takenOutBy,
        Instant takenOutAt,
        UUID broughtBackBy,
        Instant broughtBackAt) {}
