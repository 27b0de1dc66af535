package jp.azukari.device;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A connected device (art. 5) with its standing; {@code overdue}: still ACTIVE after its approval
 * ended.
 */
public record DeviceView(
        UUID id,
        UUID contractId,
        String contractNumber,
        UUID ownerPartyId,
        String ownerName,
        String name,
        String identifier,
        String purpose,
        String network,
        UUID approvalId,
        String approvalStatus,
        LocalDate validUntil,
        LocalDate effectiveUntil,
        String status,
        boolean overdue,
        UUID registeredBy,
        Instant registeredAt,
        List<Event> events) {

    public record Event(
            String kind,
            String code,
            String reason,
            UUID actorId,
            String actorUsername,
            Instant at) {}

    static final String SELECT =
            """
            SELECT d.*, c.number AS contract_number, c.contractor_party_id, o.name AS owner_name,
                   ap.status AS approval_status, ap.valid_until AS approval_valid_until
              FROM connected_device d JOIN contract c ON c.id = d.contract_id JOIN party o ON o.id = d.owner_party_id
              JOIN approval ap ON ap.id = d.approval_id
            """;

    static DeviceView read(Readable r, LocalDate today) {
        LocalDate until = r.get("valid_until", LocalDate.class);
        LocalDate effective =
                DeviceRules.effectiveUntil(until, r.get("approval_valid_until", LocalDate.class));
        String status = r.get("status", String.class);
        return new DeviceView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("owner_party_id", UUID.class),
                r.get("owner_name", String.class),
                r.get("name", String.class),
                r.get("identifier", String.class),
                r.get("purpose", String.class),
                r.get("network", String.class),
                r.get("approval_id", UUID.class),
                r.get("approval_status", String.class),
                until,
                effective,
                status,
                "ACTIVE".equals(status) && today.isAfter(effective),
                r.get("registered_by", UUID.class),
                r.get("registered_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    DeviceView withEvents(List<Event> events) {
        return new DeviceView(
                id,
                contractId,
                contractNumber,
                ownerPartyId,
                ownerName,
                name,
                identifier,
                purpose,
                network,
                approvalId,
                approvalStatus,
                validUntil,
                effectiveUntil,
                status,
                overdue,
                registeredBy,
                registeredAt,
                List.copyOf(events));
    }
}
