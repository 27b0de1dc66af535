package jp.azukari.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins per username, kept in {@code login_throttle} so every backend instance sees the same count.
 *
 * <p>An attempt is counted <em>before</em> its password is checked ({@link #admit}) and the count is cleared only
 * by a success ({@link #clear}). Counting first means a burst of parallel guesses cannot all slip past the lock:
 * the upsert serialises on the row, so exactly {@code maxFailures} attempts get in and the rest find it locked.
 */
class LoginThrottle {

    private final DatabaseClient db;
    private final LoginThrottlePolicy policy;

    LoginThrottle(DatabaseClient db, LoginThrottlePolicy policy) {
        this.db = db;
        this.policy = policy;
    }

    /**
     * Counts one attempt for this username unless it is locked. Emits the attempt's number in the current run of
     * consecutive failures (1 for the first), or nothing when the username is locked.
     */
    Mono<Integer> admit(String username, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String fresh = "(t.locked_until IS NOT NULL OR t.last_failure_at < :window_start)";
        String next = "(CASE WHEN " + fresh + " THEN 1 ELSE t.failures + 1 END)";
        return db.sql("INSERT INTO login_throttle AS t (username, failures, last_failure_at, locked_until) "
                        + "VALUES (:username, 1, :now, CASE WHEN :max <= 1 THEN CAST(:lock_until AS timestamptz) END) "
                        + "ON CONFLICT (username) DO UPDATE SET "
                        + "failures = " + next + ", "
                        + "last_failure_at = :now, "
                        + "locked_until = CASE WHEN " + next + " >= :max THEN CAST(:lock_until AS timestamptz) END "
                        + "WHERE t.locked_until IS NULL OR t.locked_until <= :now "
                        + "RETURNING failures")
                .bind("username", username)
                .bind("now", at)
                .bind("window_start", at.minus(policy.failureWindow()))
                .bind("max", policy.maxFailures())
                .bind("lock_until", at.plus(policy.lockDuration()))
                .map(row -> row.get("failures", Integer.class))
                .one();
    }

    /** When the lock on this username ends, or nothing when it is not locked at {@code now}. */
    Mono<Instant> lockedUntil(String username, Instant now) {
        return db.sql("SELECT locked_until FROM login_throttle WHERE username = :username AND locked_until > :now")
                .bind("username", username)
                .bind("now", now)
                .map(row -> row.get("locked_until", Instant.class))
                .one();
    }

    /** A successful sign-in ends the run of failures. */
    Mono<Void> clear(String username) {
        return db.sql("DELETE FROM login_throttle WHERE username = :username").bind("username", username).then();
    }
}
