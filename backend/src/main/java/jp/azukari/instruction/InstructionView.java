package jp.azukari.instruction;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A contract-level instruction of the agency (art. 11). {@code state}: ISSUED, ACKNOWLEDGED or
 * DONE; {@code late}: not done by its due day, or done after it.
 */
public record InstructionView(
        UUID id,
        UUID contractId,
        String contractNumber,
        UUID contractorPartyId,
        String text,
        LocalDate dueOn,
        UUID issuedBy,
        Instant issuedAt,
        UUID acknowledgedBy,
        Instant acknowledgedAt,
        UUID doneBy,
        Instant doneAt,
        String doneNote,
        String state,
        boolean late) {

    static final String SELECT =
            """
            SELECT i.*, c.number AS contract_number, c.contractor_party_id
              FROM contract_instruction i JOIN contract c ON c.id = i.contract_id
            """;

    static InstructionView read(Readable r, ZoneId zone, LocalDate today) {
        LocalDate due = r.get("due_on", LocalDate.class);
        Instant acked = instant(r, "acknowledged_at");
        Instant done = instant(r, "done_at");
        boolean late =
                done == null ? today.isAfter(due) : LocalDate.ofInstant(done, zone).isAfter(due);
        return new InstructionView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("contractor_party_id", UUID.class),
                r.get("text", String.class),
                due,
                r.get("issued_by", UUID.class),
                instant(r, "issued_at"),
                r.get("acknowledged_by", UUID.class),
                acked,
                r.get("done_by", UUID.class),
                done,
                r.get("done_note", String.class),
                done != null ? "DONE" : acked != null ? "ACKNOWLEDGED" : "ISSUED",
                late);
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
