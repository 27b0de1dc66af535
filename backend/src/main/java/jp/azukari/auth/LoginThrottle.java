package jp.azukari.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins per username and source address, kept in {@code login_throttle} so every backend
 * instance sees the same count. A source that fails {@code maxFailures} times in a row is locked
 * out of that username; the username itself is never locked, only slowed by the recent failures of
 * all sources together ({@link Admitted#accountFailures}), so nobody can keep a known account
 * locked by sending wrong passwords from somewhere else.
 *
 * <p>An attempt is counted <em>before</em> its password is checked ({@link #admit}) and the count
 * is cleared only by a success ({@link #clear}). Counting first means a burst of parallel guesses
 * cannot all slip past the lock: the upsert serialises on the row, so exactly {@code maxFailures}
 * attempts get in and the rest find it locked.
 */
class LoginThrottle {

    private final DatabaseClient db;
    private final LoginThrottlePolicy policy;

    LoginThrottle(DatabaseClient db, LoginThrottlePolicy policy) {
        this.db = db;
        this.policy = policy;
    }

    /**
     * An admitted attempt: its number in this source's run of consecutive failures (1 for the
     * first), and the failures of the whole account (every source, within the lock duration)
     * including this one.
     */
    record Admitted(int attempt, int accountFailures) {}

    /**
     * Counts one attempt for this username from this source unless that source is locked out of it.
     * Emits the attempt, or nothing when the source is locked.
     */
    Mono<Admitted> admit(String username, String source, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String fresh = "(t.locked_until IS NOT NULL OR t.last_failure_at < :window_start)";
        String next = "(CASE WHEN " + fresh + " THEN 1 ELSE t.failures + 1 END)";
        return db.sql(
                        "WITH up AS (INSERT INTO login_throttle AS t (username, source, failures, last_failure_at, locked_until) "
                                + "VALUES (:username, :source, 1, :now, CASE WHEN :max <= 1 THEN CAST(:lock_until AS timestamptz) END) "
                                + "ON CONFLICT (username, source) DO UPDATE SET "
                                + "failures = "
                                + next
                                + ", "
                                + "last_failure_at = :now, "
                                + "locked_until = CASE WHEN "
                                + next
                                + " >= :max THEN CAST(:lock_until AS timestamptz) END "
                                + "WHERE t.locked_until IS NULL OR t.locked_until <= :now "
                                + "RETURNING failures) "
                                + "SELECT up.failures, up.failures + (SELECT COALESCE(sum(o.failures), 0) FROM login_throttle o "
                                + "WHERE o.username = :username AND o.source <> :source AND o.last_failure_at >= :recent) AS account "
                                + "FROM up")
                .bind("username", username)
                .bind("source", source)
                .bind("recent", at.minus(policy.lockDuration()))
                .bind("now", at)
                .bind("window_start", at.minus(policy.failureWindow()))
                .bind("max", policy.maxFailures())
                .bind("lock_until", at.plus(policy.lockDuration()))
                .map(
                        row ->
                                new Admitted(
                                        row.get("failures", Integer.class),
                                        row.get("account", Number.class).intValue()))
                .one();
    }

    /**
     * When this source's lock on this username ends, or nothing when it is not locked at {@code
     * now}.
     */
    Mono<Instant> lockedUntil(String username, String source, Instant now) {
        return db.sql(
                        "SELECT locked_until FROM login_throttle WHERE username = :username AND source = :source "
                                + "AND locked_until > :now")
                .bind("username", username)
                .bind("source", source)
                .bind("now", now)
                .map(row -> row.get("locked_until", Instant.class))
                .one();
    }

    /**
     * A successful sign-in ends this source's run of failures, and forgets other sources' runs that
     * no longer lock anything; a source still locked stays locked.
     */
    Mono<Void> clear(String username, String source, Instant now) {
        return db.sql(
                        "DELETE FROM login_throttle WHERE username = :username "
                                + "AND (source = :source OR (locked_until IS NOT NULL AND locked_until <= :now))")
                .bind("username", username)
                .bind("source", source)
                .bind("now", now)
                .then();
    }
}
