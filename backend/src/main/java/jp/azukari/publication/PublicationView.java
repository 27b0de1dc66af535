package jp.azukari.publication;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident's publishable summary (art. 10); {@code status}: DRAFT until a second MANAGER
 * approves it.
 */
public record PublicationView(
        UUID id,
        UUID incidentId,
        UUID contractId,
        String contractNumber,
        String incidentKind,
        Instant occurredAt,
        String summary,
        UUID writtenBy,
        Instant writtenAt,
        UUID approvedBy,
        Instant approvedAt,
        String status) {}
