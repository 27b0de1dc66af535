package jp.azukari.report;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Rows of a contract's ledger as its compliance report shows them. */
final class ContractRows {

    private static final HexFormat HEX = HexFormat.of();

    static final String EVENTS =
            """
            SELECT e.*, fp.name AS from_name, tp.name AS to_name, u.username AS actor_username
              FROM custody_event e
              LEFT JOIN party fp ON fp.id = e.from_party_id
              LEFT JOIN party tp ON tp.id = e.to_party_id
              LEFT JOIN app_user u ON u.id = e.actor_user_id""";

    static ContractReport.ChainEvent event(Readable r) {
        return new ContractReport.ChainEvent(
                r.get("seq", Integer.class),
                r.get("type", String.class),
                instant(r, "occurred_at"),
                r.get("from_party_id", UUID.class),
                r.get("from_name", String.class),
                r.get("to_party_id", UUID.class),
                r.get("to_name", String.class),
                r.get("actor_user_id", UUID.class),
                r.get("actor_username", String.class),
                r.get("device_id", String.class),
                r.get("location", String.class),
                r.get("transfer_id", UUID.class),
                r.get("approval_id", UUID.class),
                r.get("incident_id", UUID.class),
                r.get("refusal_code", String.class),
                r.get("article", String.class),
                r.get("note", String.class),
                HEX.formatHex(r.get("hash", byte[].class)));
    }

    static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static List<UUID> ids(Readable r, String column) {
        UUID[] ids = r.get(column, UUID[].class);
        return ids == null ? List.of() : List.of(ids);
    }

    private ContractRows() {}
}
