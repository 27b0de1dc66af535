package jp.azukari.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins are slowed and locked out (SPEC §7). Plain values and arithmetic; the
 * counting itself happens atomically in the database ({@link LoginThrottle}).
 *
 * @param maxFailures consecutive failures from one source address that lock that source out of the
 *     username
 * @param lockDuration how long a lock lasts
 * @param delayStep extra wait before an attempt, per earlier failure
 * @param maxDelay cap on that wait
 * @param failureWindow failures older than this no longer count as consecutive
 */
record LoginThrottlePolicy(
        int maxFailures,
        Duration lockDuration,
        Duration delayStep,
        Duration maxDelay,
        Duration failureWindow) {

    LoginThrottlePolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException(
                    "azukari.auth.login.max-failures must be at least 1");
        }
        if (lockDuration.isNegative()
                || delayStep.isNegative()
                || maxDelay.isNegative()
                || failureWindow.isNegative()) {
            throw new IllegalArgumentException("azukari.auth.login durations must not be negative");
        }
    }

    /** The wait before checking the password of the n-th consecutive attempt (1-based). */
    Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        Duration d = delayStep.multipliedBy(attempt - 1L);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Whole seconds until the lock ends, at least 1 so a client never retries at once. */
    static long retryAfterSeconds(Instant lockedUntil, Instant now) {
        long millis = Duration.between(now, lockedUntil).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
