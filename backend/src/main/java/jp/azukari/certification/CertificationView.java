package jp.azukari.certification;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.azukari.files.EvidenceFiles;

/**
 * A party's certification (art. 9); {@code state}: VALID, EXPIRING (within the warning window) or
 * EXPIRED.
 */
public record CertificationView(
        UUID id,
        UUID partyId,
        String partyName,
        String scheme,
        String number,
        String scope,
        LocalDate validUntil,
        String state,
        EvidenceFiles.Meta certificate,
        UUID registeredBy,
        Instant registeredAt) {

    static final String SELECT =
            """
            SELECT c.*, p.name AS party_name, f.id AS f_id, f.filename AS f_filename, f.content_type AS f_content_type,
                   f.size AS f_size, f.sha256 AS f_sha256
              FROM certification c JOIN party p ON p.id = c.party_id JOIN evidence_file f ON f.id = c.file_id
            """;

    /**
     * EXPIRED after its last valid day; EXPIRING when that day is within {@code warnDays} of today.
     */
    public static String state(LocalDate validUntil, LocalDate today, int warnDays) {
        return today.isAfter(validUntil)
                ? "EXPIRED"
                : today.plusDays(warnDays).isAfter(validUntil) ? "EXPIRING" : "VALID";
    }

    static CertificationView read(Readable r, LocalDate today, int warnDays) {
        LocalDate until = r.get("valid_until", LocalDate.class);
        return new CertificationView(
                r.get("id", UUID.class),
                r.get("party_id", UUID.class),
                r.get("party_name", String.class),
                r.get("scheme", String.class),
                r.get("number", String.class),
                r.get("scope", String.class),
                until,
                state(until, today, warnDays),
                EvidenceFiles.meta(r, "f_"),
                r.get("registered_by", UUID.class),
                r.get("registered_at", OffsetDateTime.class).toInstant());
    }
}
