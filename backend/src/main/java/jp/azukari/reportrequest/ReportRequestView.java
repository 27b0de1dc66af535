package jp.azukari.reportrequest;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.azukari.files.EvidenceFiles;

/**
 * A report request (art. 8.1) and its answer. {@code late}: still open after its due day, or
 * answered after it; {@code state}: OPEN, LATE (open and overdue) or ANSWERED.
 */
public record ReportRequestView(
        UUID id,
        UUID contractId,
        String contractNumber,
        UUID contractorPartyId,
        String contractorName,
        String subject,
        LocalDate dueOn,
        Integer everyMonths,
        UUID follows,
        UUID requestedBy,
        Instant requestedAt,
        String state,
        boolean late,
        Answer answer) {

    public record Answer(
            UUID id,
            String text,
            UUID answeredBy,
            String answeredByUsername,
            Instant answeredAt,
            List<EvidenceFiles.Meta> attachments) {}

    static final String SELECT =
            """
            SELECT r.*, c.number AS contract_number, co.name AS contractor_name
              FROM report_request r JOIN contract c ON c.id = r.contract_id JOIN party co ON co.id = r.contractor_party_id
            """;

    static ReportRequestView read(Readable r, java.time.ZoneId zone, LocalDate today) {
        LocalDate due = r.get("due_on", LocalDate.class);
        OffsetDateTime answered = r.get("answered_at", OffsetDateTime.class);
        boolean late =
                answered == null
                        ? today.isAfter(due)
                        : answered.atZoneSameInstant(zone).toLocalDate().isAfter(due);
        String state = answered != null ? "ANSWERED" : late ? "LATE" : "OPEN";
        return new ReportRequestView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("contractor_party_id", UUID.class),
                r.get("contractor_name", String.class),
                r.get("subject", String.class),
                due,
                r.get("every_months", Integer.class),
                r.get("follows", UUID.class),
                r.get("requested_by", UUID.class),
                r.get("requested_at", OffsetDateTime.class).toInstant(),
                state,
                late,
                null);
    }

    ReportRequestView with(Answer a) {
        return new ReportRequestView(
                id,
                contractId,
                contractNumber,
                contractorPartyId,
                contractorName,
                subject,
                dueOn,
                everyMonths,
                follows,
                requestedBy,
                requestedAt,
                state,
                late,
                a);
    }
}
