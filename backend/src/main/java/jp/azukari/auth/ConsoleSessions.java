package jp.azukari.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Browser sessions of the console, kept in {@code console_session} so any backend instance serves
 * them and a restart keeps people signed in. The cookie carries 256 random bits; the table holds
 * only their SHA-256. Every lookup joins the user row, so a session always acts with the user's
 * current role, party and active flag.
 */
public class ConsoleSessions {

    /** The signed-in user as the console needs them: who acts, and how they read the pages. */
    public record SessionUser(
            Actor actor, String displayName, String locale, boolean passwordChangeRequired) {}

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DatabaseClient db;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration idleTimeout;

    ConsoleSessions(
            DatabaseClient db,
            SecureRandom random,
            Clock clock,
            Duration maxAge,
            Duration idleTimeout) {
        this.db = db;
        this.random = random;
        this.clock = clock;
        this.maxAge = maxAge;
        this.idleTimeout = idleTimeout;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** Starts a session for this user and answers the cookie value (shown once, never stored). */
    Mono<String> start(UUID userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return db.sql(
                        "DELETE FROM console_session WHERE user_id = :user AND (expires_at <= :now OR last_seen_at <= :idle)")
                .bind("user", userId)
                .bind("now", now)
                .bind("idle", now.minus(idleTimeout))
                .then()
                .then(
                        db.sql(
                                        "INSERT INTO console_session (token_hash, user_id, created_at, last_seen_at, expires_at) "
                                                + "VALUES (:hash, :user, :now, :now, :expires)")
                                .bind("hash", hash(token))
                                .bind("user", userId)
                                .bind("now", now)
                                .bind("expires", now.plus(maxAge))
                                .then())
                .thenReturn(token);
    }

    /**
     * The active user of a live session, or nothing when the cookie is unknown, expired, idle too
     * long or the user inactive.
     */
    public Mono<SessionUser> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Mono.empty();
        }
        byte[] hash = hash(token);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return db.sql(
                        """
                        SELECT u.id, u.username, u.role, u.party_id, u.display_name, u.locale, u.password_change_required, s.last_seen_at
                          FROM console_session s JOIN app_user u ON u.id = s.user_id
                         WHERE s.token_hash = :hash AND s.expires_at > :now AND s.last_seen_at > :idle AND u.active""")
                .bind("hash", hash)
                .bind("now", now)
                .bind("idle", now.minus(idleTimeout))
                .map(
                        row ->
                                new Object[] {
                                    new SessionUser(
                                            new Actor(
                                                    row.get("id", UUID.class),
                                                    row.get("username", String.class),
                                                    Role.valueOf(row.get("role", String.class)),
                                                    row.get("party_id", UUID.class)),
                                            row.get("display_name", String.class),
                                            row.get("locale", String.class),
                                            Boolean.TRUE.equals(
                                                    row.get(
                                                            "password_change_required",
                                                            Boolean.class))),
                                    row.get("last_seen_at", Instant.class)
                                })
                .one()
                .flatMap(
                        found -> {
                            SessionUser user = (SessionUser) found[0];
                            Instant lastSeen = (Instant) found[1];
                            if (lastSeen.plus(TOUCH_EVERY).isAfter(now)) {
                                return Mono.just(user);
                            }
                            return db.sql(
                                            "UPDATE console_session SET last_seen_at = :now WHERE token_hash = :hash")
                                    .bind("now", now)
                                    .bind("hash", hash)
                                    .then()
                                    .thenReturn(user);
                        });
    }

    private static final String CURRENT = ConsoleSessions.class.getName() + ".current";

    /**
     * The signed-in user of this request (its session cookie), looked up once per request however
     * many parts ask. Also leaves the user's language in {@link #LOCALE_ATTRIBUTE} for the locale
     * resolver.
     */
    @SuppressWarnings("unchecked")
    public Mono<java.util.Optional<SessionUser>> current(
            org.springframework.web.server.ServerWebExchange exchange) {
        return (Mono<java.util.Optional<SessionUser>>)
                exchange.getAttributes()
                        .computeIfAbsent(
                                CURRENT,
                                key ->
                                        resolve(
                                                        ConsoleCookies.read(
                                                                exchange, ConsoleCookies.SESSION))
                                                .doOnNext(
                                                        user ->
                                                                exchange.getAttributes()
                                                                        .put(
                                                                                LOCALE_ATTRIBUTE,
                                                                                user.locale()))
                                                .map(java.util.Optional::of)
                                                .defaultIfEmpty(java.util.Optional.empty())
                                                .cache());
    }

    /** Where {@link #current} leaves the signed-in user's language ("ja" or "en"). */
    public static final String LOCALE_ATTRIBUTE = ConsoleSessions.class.getName() + ".locale";

    /** Ends the session on every instance: the cookie no longer signs anyone in. */
    Mono<Void> end(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Mono.empty();
        }
        return db.sql("DELETE FROM console_session WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .then();
    }

    /** Ends every console session of this user (a new password was set), on every instance. */
    public Mono<Void> endAllOf(UUID userId) {
        return db.sql("DELETE FROM console_session WHERE user_id = :user")
                .bind("user", userId)
                .then();
    }

    /** Remembers the language this user reads the console in. */
    public Mono<Void> rememberLocale(UUID userId, String locale) {
        return db.sql("UPDATE app_user SET locale = :locale WHERE id = :id")
                .bind("locale", locale)
                .bind("id", userId)
                .then();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CSRF token bound to a session (or pre-session) cookie: derived, so it needs no storage of
     * its own.
     */
    static String csrfToken(String cookieValue) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(("csrf:" + cookieValue).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
