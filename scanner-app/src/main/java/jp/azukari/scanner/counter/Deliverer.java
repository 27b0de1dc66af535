package jp.azukari.scanner.counter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.queue.QueueException;

/**
 * Runs the courier when it is worth it. While reading live (stdin, a watched folder, a camera), a
 * server found unavailable is not asked again for {@code backoff}, so each scan goes straight to
 * the queue instead of waiting for a timeout; the person is told once when the server goes away,
 * not at every scan.
 */
public final class Deliverer {

    private final Courier courier;
    private final Clock clock;
    private final Duration backoff;
    private final Consumer<Outcome> outcomes;
    private Instant nextAttempt = Instant.MIN;
    private Courier.Result last = new Courier.Result(null, 0);
    private boolean told;

    public Deliverer(Courier courier, Clock clock, Duration backoff, Consumer<Outcome> outcomes) {
        this.courier = courier;
        this.clock = clock;
        this.backoff = backoff;
        this.outcomes = outcomes;
    }

    /** Delivers now, unless the server failed recently and {@code eager} is false. */
    public Courier.Result deliver(boolean eager) throws QueueException {
        if (!eager && clock.instant().isBefore(nextAttempt)) {
            return last;
        }
        last = courier.deliver();
        if (last.complete()) {
            told = false;
            return last;
        }
        nextAttempt = clock.instant().plus(backoff);
        if (!told || eager) {
            outcomes.accept(note(last));
            told = true;
        }
        return last;
    }

    /** The most recent round: whether anything for this server is still waiting, and why. */
    public Courier.Result last() {
        return last;
    }

    private static Outcome note(Courier.Result result) {
        if (result.stopped() instanceof ApiException.LoginRequired login) {
            return new Outcome.LoginNeeded(login.why(), result.waiting());
        }
        if (result.stopped() instanceof ApiException.Unavailable unavailable) {
            return new Outcome.ServerUnavailable(
                    unavailable.why(), unavailable.getMessage(), result.waiting());
        }
        ApiException other = result.stopped();
        return new Outcome.ServerUnavailable(
                ApiException.Unavailable.Why.BAD_ANSWER, other.getMessage(), result.waiting());
    }
}
