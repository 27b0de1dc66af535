package jp.azukari.platform;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Brings this instance to the agency's stored settings (time zone, reminder time, "due soon" days):
 * read from agency_setting at start, every few seconds, and at once after a change made here. Kept
 * in the database only, so every instance agrees within {@code azukari.settings.refresh-every}.
 */
public class AgencySettingsRefresh {

    public static final String TIME_ZONE = "agency.time-zone";
    public static final String REMINDER_TIME = "reminders.run-at";
    public static final String DUE_SOON_DAYS = "reminders.due-soon-days";

    private static final Logger log = LoggerFactory.getLogger(AgencySettingsRefresh.class);

    private final DatabaseClient db;
    private final AgencyTimeZone zone;
    private final ReminderSettings reminders;
    private final ZoneId configuredZone;
    private final LocalTime configuredRunAt;
    private final int configuredDueSoon;

    public AgencySettingsRefresh(
            DatabaseClient db, AgencyTimeZone zone, ReminderSettings reminders) {
        this.db = db;
        this.zone = zone;
        this.reminders = reminders;
        this.configuredZone = zone.zone();
        this.configuredRunAt = reminders.runAt();
        this.configuredDueSoon = reminders.dueSoonDays();
    }

    @Scheduled(
            fixedDelayString = "${azukari.settings.refresh-every:PT5S}",
            initialDelayString = "${azukari.settings.refresh-every:PT5S}")
    Mono<Void> scheduled() {
        return Mono.defer(this::refresh).onErrorResume(e -> Mono.empty());
    }

    /** Reads the stored settings now and applies them to this instance. */
    public Mono<Void> refresh() {
        return db.sql("SELECT name, value FROM agency_setting WHERE name IN (:zone, :time, :days)")
                .bind("zone", TIME_ZONE)
                .bind("time", REMINDER_TIME)
                .bind("days", DUE_SOON_DAYS)
                .map(r -> Map.entry(r.get("name", String.class), r.get("value", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .doOnNext(this::apply)
                .then();
    }

    private void apply(Map<String, String> stored) {
        try {
            String z = stored.get(TIME_ZONE);
            String t = stored.get(REMINDER_TIME);
            String d = stored.get(DUE_SOON_DAYS);
            zone.use(z == null ? configuredZone : ZoneId.of(z));
            reminders.use(
                    t == null ? configuredRunAt : LocalTime.parse(t),
                    d == null ? configuredDueSoon : Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            log.warn("An agency setting could not be read ({}); keeping the previous ones", stored);
        }
    }
}
