package jp.azukari.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Role;

/**
 * A user as the API shows it. Never carries the password hash; {@code passwordChangeRequired} when
 * an administrator set the password and the user has not yet chosen their own.
 */
public record UserView(
        UUID id,
        String username,
        String displayName,
        UUID partyId,
        String partyName,
        Role role,
        boolean active,
        Training training,
        Instant createdAt,
        boolean passwordChangeRequired) {

    /**
     * The user's information-security training record (SPEC §1, art. 3), absent until one is
     * recorded.
     */
    public record Training(LocalDate completedOn, LocalDate validUntil) {}
}
