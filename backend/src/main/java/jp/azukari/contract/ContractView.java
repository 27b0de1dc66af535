package jp.azukari.contract;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.UUID;

public record ContractView(
        UUID id,
        String number,
        String title,
        UUID agencyPartyId,
        String agencyName,
        UUID contractorPartyId,
        String contractorName,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate returnDueOn,
        String status,
        LocalDate completedOn) {

    static final String SELECT =
            """
            SELECT c.*, ag.name AS agency_name, co.name AS contractor_name
              FROM contract c JOIN party ag ON ag.id = c.agency_party_id JOIN party co ON co.id = c.contractor_party_id
            """;

    static ContractView read(Readable r) {
        return new ContractView(
                r.get("id", UUID.class),
                r.get("number", String.class),
                r.get("title", String.class),
                r.get("agency_party_id", UUID.class),
                r.get("agency_name", String.class),
                r.get("contractor_party_id", UUID.class),
                r.get("contractor_name", String.class),
                r.get("starts_on", LocalDate.class),
                r.get("ends_on", LocalDate.class),
                r.get("return_due_on", LocalDate.class),
                r.get("status", String.class),
                r.get("completed_on", LocalDate.class));
    }
}
