package jp.azukari.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Revocable refresh tokens: 256 random bits, base64url, stored only as their SHA-256. Each use
 * spends the token and issues the next one of the same family (rotation); presenting a spent token
 * again means it was copied, so the whole family is revoked.
 */
public class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    /** A token handed to the client, and the user it belongs to. */
    record Issued(String token, UUID userId, UUID familyId) {}

    /** A token just spent: whose it was and which family the next one joins. */
    record Spent(UUID userId, UUID familyId) {}

    private record Stored(UUID familyId, boolean used) {}

    /** What a token that could not be spent turned out to be. */
    enum Rejection {
        UNKNOWN,
        EXPIRED_OR_REVOKED,
        REUSED
    }

    private final DatabaseClient db;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration ttl;

    RefreshTokens(DatabaseClient db, SecureRandom random, Clock clock, Duration ttl) {
        this.db = db;
        this.random = random;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Starts a new family: the first refresh token of a sign-in. */
    Mono<Issued> start(UUID userId) {
        return issue(userId, UUID.randomUUID());
    }

    Mono<Issued> issue(UUID userId, UUID familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        return db.sql(
                        "INSERT INTO refresh_token (id, user_id, family_id, token_hash, issued_at, expires_at) "
                                + "VALUES (:id, :user, :family, :hash, :now, :expires)")
                .bind("id", UUID.randomUUID())
                .bind("user", userId)
                .bind("family", familyId)
                .bind("hash", hash(token))
                .bind("now", now)
                .bind("expires", now.plus(ttl))
                .then()
                .thenReturn(new Issued(token, userId, familyId));
    }

    /**
     * Spends a live token atomically: emits whose it was, or nothing when it is not live (see
     * {@link #rejection}).
     */
    Mono<Spent> spend(String token) {
        return db.sql(
                        "UPDATE refresh_token SET used_at = :now "
                                + "WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now "
                                + "RETURNING user_id, family_id")
                .bind("hash", hash(token))
                .bind("now", clock.instant())
                .map(
                        row ->
                                new Spent(
                                        row.get("user_id", UUID.class),
                                        row.get("family_id", UUID.class)))
                .one();
    }

    /** Why a token could not be spent; a reused one has its whole family revoked on the way. */
    Mono<Rejection> rejection(String token) {
        return db.sql("SELECT family_id, used_at FROM refresh_token WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .map(
                        row ->
                                new Stored(
                                        row.get("family_id", UUID.class),
                                        row.get("used_at", Instant.class) != null))
                .one()
                .flatMap(
                        stored ->
                                stored.used()
                                        ? revokeFamily(stored.familyId())
                                                .thenReturn(Rejection.REUSED)
                                        : Mono.just(Rejection.EXPIRED_OR_REVOKED))
                .defaultIfEmpty(Rejection.UNKNOWN);
    }

    Mono<Long> revokeFamily(UUID familyId) {
        return db.sql(
                        "UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId)
                .bind("now", clock.instant())
                .fetch()
                .rowsUpdated();
    }

    /**
     * Signing out: the presented token's family ends, and so does every access token of its user
     * (the user's token version moves on, which every instance hears, see {@link CurrentUsers}).
     * Emits the user when something live was revoked; unknown or already revoked tokens change
     * nothing.
     */
    Mono<UUID> signOut(String token) {
        return db.sql(
                        "WITH revoked AS (UPDATE refresh_token SET revoked_at = :now WHERE revoked_at IS NULL AND family_id = "
                                + "(SELECT family_id FROM refresh_token WHERE token_hash = :hash) RETURNING user_id) "
                                + "UPDATE app_user SET token_version = token_version + 1 "
                                + "WHERE id IN (SELECT user_id FROM revoked) RETURNING id")
                .bind("hash", hash(token))
                .bind("now", clock.instant())
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** Every live refresh token of this user ends: on deactivation or a password reset. */
    public Mono<Long> revokeAllOf(UUID userId) {
        return db.sql(
                        "UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", userId)
                .bind("now", clock.instant())
                .fetch()
                .rowsUpdated();
    }

    /**
     * Tokens long expired serve no purpose, not even reuse detection; a sign-in sweeps its user's.
     */
    Mono<Long> forgetExpired(UUID userId) {
        return db.sql("DELETE FROM refresh_token WHERE user_id = :user AND expires_at < :before")
                .bind("user", userId)
                .bind("before", clock.instant().minus(Duration.ofDays(1)))
                .fetch()
                .rowsUpdated();
    }

    Duration ttl() {
        return ttl;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
