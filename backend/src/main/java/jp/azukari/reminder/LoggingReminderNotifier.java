package jp.azukari.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Writes each reminder to the log: the notifier when no mail server is configured. */
class LoggingReminderNotifier implements ReminderNotifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingReminderNotifier.class);

    @Override
    public Mono<Void> deliver(ReminderDigest digest) {
        return Mono.fromRunnable(
                () -> {
                    log.info(digest.subject());
                    digest.reminders()
                            .forEach(
                                    r ->
                                            log.info(
                                                    "reminder {} {} due {} contract {} holder {} asset {} {}",
                                                    r.reminderId(),
                                                    r.kind(),
                                                    r.dueOn(),
                                                    r.contractNumber(),
                                                    r.holderName(),
                                                    r.tag(),
                                                    r.title()));
                });
    }
}
