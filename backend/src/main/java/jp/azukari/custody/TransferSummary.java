package jp.azukari.custody;

import java.time.Instant;
import java.util.UUID;

/** A transfer in a list: its header and how many of its lines are still pending. */
public record TransferSummary(
        UUID id,
        String kind,
        String status,
        UUID contractId,
        String contractNumber,
        UUID fromPartyId,
        String fromPartyName,
        UUID toPartyId,
        String toPartyName,
        Instant startedAt,
        long lines,
        long pendingLines) {}
