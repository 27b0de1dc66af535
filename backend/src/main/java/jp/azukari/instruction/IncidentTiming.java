package jp.azukari.instruction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Art. 8.2, 8.3: how promptly an incident was reported (occurrence to report) and how promptly the
 * contractor acknowledged each instruction the agency gave on it. Durations in whole minutes; null
 * while not acknowledged.
 */
public record IncidentTiming(
        UUID incidentId,
        UUID contractId,
        Instant occurredAt,
        Instant reportedAt,
        long reportDelayMinutes,
        List<Instruction> instructions) {

    public record Instruction(
            UUID entryId,
            String text,
            Instant issuedAt,
            UUID acknowledgedBy,
            Instant acknowledgedAt,
            Long acknowledgeDelayMinutes) {}

    static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }
}
