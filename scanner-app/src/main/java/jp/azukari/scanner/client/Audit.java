package jp.azukari.scanner.client;

import java.util.UUID;

/**
 * GET /api/v1/audits/{id}: an audit session (inventory) and its counts so far; {@code status} is
 * OPEN or CLOSED.
 */
public record Audit(
        UUID id,
        String partyName,
        String location,
        String status,
        long expected,
        long found,
        long missing,
        long unexpected) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
