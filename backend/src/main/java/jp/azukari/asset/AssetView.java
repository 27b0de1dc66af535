package jp.azukari.asset;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.UUID;

public record AssetView(
        UUID id,
        String tag,
        UUID contractId,
        String contractNumber,
        String kind,
        String title,
        String serialNumber,
        String sensitivity,
        String handlingRequirements,
        UUID copyOf,
        String custodyState,
        UUID holderPartyId,
        String holderPartyName,
        LocalDate dueOn,
        boolean inOpenTransfer,
        int ledgerLength) {

    public static final String SELECT =
            """
            SELECT a.*, c.number AS contract_number, p.name AS holder_name,
                   EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open_transfer
              FROM asset a JOIN contract c ON c.id = a.contract_id JOIN party p ON p.id = a.holder_party_id
            """;

    public static AssetView read(Readable r) {
        return new AssetView(
                r.get("id", UUID.class),
                r.get("tag", String.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("kind", String.class),
                r.get("title", String.class),
                r.get("serial_number", String.class),
                r.get("sensitivity", String.class),
                r.get("handling_requirements", String.class),
                r.get("copy_of", UUID.class),
                r.get("custody_state", String.class),
                r.get("holder_party_id", UUID.class),
                r.get("holder_name", String.class),
                r.get("due_on", LocalDate.class),
                Boolean.TRUE.equals(r.get("in_open_transfer", Boolean.class)),
                r.get("last_seq", Integer.class));
    }
}
