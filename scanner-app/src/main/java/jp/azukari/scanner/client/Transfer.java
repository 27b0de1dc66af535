package jp.azukari.scanner.client;

import java.util.List;
import java.util.UUID;

/** GET /api/v1/transfers/{id}, and the answer to POST /api/v1/transfers. */
public record Transfer(
        UUID id,
        String kind,
        String status,
        UUID contractId,
        UUID fromPartyId,
        UUID toPartyId,
        List<Line> lines) {

    public Transfer {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Lines not yet CONFIRMED: what the person at the counter still has to find. */
    public List<Line> outstanding() {
        return lines.stream().filter(line -> !"CONFIRMED".equals(line.status())).toList();
    }

    /** {@code status} is PENDING, CONFIRMED or MISSING. */
    public record Line(UUID assetId, String tag, String title, String status) {}
}
