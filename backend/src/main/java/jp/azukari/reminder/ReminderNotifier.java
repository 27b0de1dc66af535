package jp.azukari.reminder;

import reactor.core.publisher.Mono;

/**
 * Where a day's reminders go: the log by default, e-mail when SMTP is configured, or anything else
 * that implements this.
 */
public interface ReminderNotifier {

    /**
     * Completes once the digest was handed over; an error leaves its reminders undelivered for the
     * next run.
     */
    Mono<Void> deliver(ReminderDigest digest);
}
