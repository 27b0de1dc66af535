package jp.azukari.reminder;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.ReminderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Looks every minute (configurable) whether today's reminders are due — the configured time has
 * passed in the agency's time zone — and runs them; the job itself makes sure only one instance
 * does, once. An instance that was down at that time catches up when it next looks.
 */
class ReminderScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderJob job;
    private final ReminderSettings settings;
    private final Clock clock;
    private final AgencyTimeZone zone;

    ReminderScheduler(ReminderJob job, LocalTime runAt, Clock clock, AgencyTimeZone zone) {
        this(job, new ReminderSettings(runAt, 7), clock, zone);
    }

    ReminderScheduler(
            ReminderJob job, ReminderSettings settings, Clock clock, AgencyTimeZone zone) {
        this.job = job;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Spring calls a reactive {@code @Scheduled} method once and subscribes to the Mono it returned
     * on every tick, so the clock is read inside the Mono, on each subscription, not when the
     * method is called.
     */
    @Scheduled(
            fixedDelayString = "${azukari.reminders.check-every:PT1M}",
            initialDelayString = "${azukari.reminders.initial-delay:PT30S}")
    Mono<Void> runIfDue() {
        return Mono.defer(this::checkNow);
    }

    private Mono<Void> checkNow() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone.zone());
        if (now.toLocalTime().isBefore(settings.runAt())) {
            return Mono.empty();
        }
        return job.run(now.toLocalDate())
                .doOnNext(
                        r -> {
                            if (r.ran()) {
                                log.info(
                                        "Reminders of {}: {} newly overdue, {} due soon, {} delivered",
                                        r.day(),
                                        r.overdue(),
                                        r.dueSoon(),
                                        r.delivered());
                            }
                        })
                .onErrorResume(
                        e -> {
                            log.warn("Reminder run failed; the next check retries", e);
                            return Mono.empty();
                        })
                .then();
    }
}
