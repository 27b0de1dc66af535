package jp.azukari.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Who a user is <em>now</em>: active or not, their current role, party and token version. Every
 * request's {@link Actor} is built from this, never from what a token claimed when it was issued,
 * so deactivation, a new role or party, a new password and a sign-out end access on the next
 * request.
 *
 * <p>A user's state is read from {@code app_user} once and remembered for a short time ({@code
 * azukari.auth.user-state-cache}, 2 s) so a busy client costs no database round trip per request. A
 * change moves the user's {@code token_version} on and is announced through PostgreSQL {@code
 * NOTIFY} ({@code V10}); {@link UserStateNotifications} drops the user from this memory on every
 * instance as soon as it hears it. While that listener is not connected nothing is remembered at
 * all, so a missed notification can never keep stale access alive.
 */
public class CurrentUsers {

    /**
     * A user's current state: the actor as it is now, the token version tokens must carry, and
     * whether active.
     */
    public record UserState(
            Actor actor, long tokenVersion, boolean active, boolean passwordChangeRequired) {}

    private record Entry(Mono<UserState> state, long loadedAt) {}

    static final int MAX_ENTRIES = 50_000;

    private final DatabaseClient db;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Entry> remembered = new ConcurrentHashMap<>();
    private volatile boolean listening;

    public CurrentUsers(DatabaseClient db, Duration ttl) {
        this(db, ttl, System::nanoTime);
    }

    CurrentUsers(DatabaseClient db, Duration ttl, LongSupplier nanoTime) {
        this.db = db;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The actor for this user as they are now, when they are active and their token version is
     * still {@code tokenVersion}; empty otherwise (deactivated, unknown, or access ended since the
     * token was issued).
     */
    public Mono<Actor> current(UUID userId, long tokenVersion) {
        return valid(userId, tokenVersion).map(UserState::actor);
    }

    /**
     * The user's state when they are active and their token version is still {@code tokenVersion}.
     */
    public Mono<UserState> valid(UUID userId, long tokenVersion) {
        return state(userId).filter(s -> s.active() && s.tokenVersion() == tokenVersion);
    }

    /** The user's current state (active or not), or empty when there is no such user. */
    public Mono<UserState> state(UUID userId) {
        if (!listening || ttlNanos <= 0) {
            return load(userId);
        }
        long now = nanoTime.getAsLong();
        Entry e = remembered.get(userId);
        if (e != null && now - e.loadedAt() < ttlNanos) {
            return e.state();
        }
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        // concurrent requests of one user share one read; a failed read is not remembered
        Entry chosen =
                remembered.compute(
                        userId,
                        (id, old) ->
                                old != null && now - old.loadedAt() < ttlNanos
                                        ? old
                                        : new Entry(load(id).cache(), now));
        return chosen.state().doOnError(x -> remembered.remove(userId, chosen));
    }

    /** Drops what this instance remembers of the user (their state changed). */
    public void forget(UUID userId) {
        remembered.remove(userId);
    }

    void forgetAll() {
        remembered.clear();
    }

    /** Whether changes are being heard; only then is anything remembered. */
    void listening(boolean on) {
        remembered.clear();
        listening = on;
    }

    private Mono<UserState> load(UUID userId) {
        return db.sql(
                        "SELECT username, role, party_id, active, token_version, password_change_required"
                                + " FROM app_user WHERE id = :id")
                .bind("id", userId)
                .map(
                        row ->
                                new UserState(
                                        new Actor(
                                                userId,
                                                row.get("username", String.class),
                                                Role.valueOf(row.get("role", String.class)),
                                                row.get("party_id", UUID.class)),
                                        row.get("token_version", Long.class),
                                        Boolean.TRUE.equals(row.get("active", Boolean.class)),
                                        Boolean.TRUE.equals(
                                                row.get(
                                                        "password_change_required",
                                                        Boolean.class))))
                .one()
                // a read caught on a connection the server dropped could wait without end (seen
                // after pg_terminate_backend on an idle second instance): bounded, and tried once
                // more on another connection; still nothing is a lost database (503 with
                // Retry-After), never a hung request
                .timeout(LOAD_TIMEOUT)
                .retryWhen(
                        Retry.max(1)
                                .filter(TimeoutException.class::isInstance)
                                // the second timeout itself, not a RetryExhaustedException the
                                // mapping below would not know (it answered 500 instead of 503)
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(
                        TimeoutException.class,
                        e ->
                                new DataAccessResourceFailureException(
                                        "reading the user's state timed out", e));
    }

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(3);
}
