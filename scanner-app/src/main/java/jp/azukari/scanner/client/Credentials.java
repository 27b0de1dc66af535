package jp.azukari.scanner.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A logged-in session: which server, as whom, and the tokens. Kept in the user's config folder,
 * owner-only.
 */
public record Credentials(
        String server,
        String username,
        String accessToken,
        String refreshToken,
        Instant accessExpiresAt) {

    /** Refresh a little early, so a token does not expire between the check and the request. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    public static Credentials issued(String server, String username, Tokens tokens, Clock clock) {
        return new Credentials(
                server,
                username,
                tokens.accessToken(),
                tokens.refreshToken(),
                clock.instant().plusSeconds(tokens.expiresIn()));
    }

    public Credentials refreshed(Tokens tokens, Clock clock) {
        return issued(server, username, tokens, clock);
    }

    boolean accessExpired(Clock clock) {
        return accessExpiresAt == null || !clock.instant().plus(MARGIN).isBefore(accessExpiresAt);
    }
}
