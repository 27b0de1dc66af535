package jp.azukari.training;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencySettingsRefresh;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.ReminderSettings;
import jp.azukari.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * The agency's time zone and reminder settings, as an ADMIN sets them: a time zone of the IANA
 * database ("Asia/Tokyo"), the time of day the reminders go out (HH:mm, in that zone), and how many
 * days before the return date an asset counts as due soon (1–90). Stored in agency_setting; every
 * instance follows within seconds ({@link AgencySettingsRefresh}), this one at once.
 */
public class AgencyPreferences {

    /** The settings as they are in force. */
    public record Preferences(String timeZone, String reminderTime, int dueSoonDays) {}

    private final AgencySettings settings;
    private final AgencySettingsRefresh refresh;
    private final AgencyTimeZone zone;
    private final ReminderSettings reminders;

    AgencyPreferences(
            AgencySettings settings,
            AgencySettingsRefresh refresh,
            AgencyTimeZone zone,
            ReminderSettings reminders) {
        this.settings = settings;
        this.refresh = refresh;
        this.zone = zone;
        this.reminders = reminders;
    }

    public Preferences current() {
        return new Preferences(
                zone.zone().getId(), reminders.runAt().toString(), reminders.dueSoonDays());
    }

    public Mono<Preferences> change(Actor actor, Preferences wanted) {
        return Access.require(actor, "change the agency's settings", Role.ADMIN)
                .then(Mono.fromCallable(() -> checked(wanted)))
                .flatMap(
                        p ->
                                settings.setText(
                                                AgencySettingsRefresh.TIME_ZONE,
                                                p.timeZone(),
                                                actor.userId())
                                        .then(
                                                settings.setText(
                                                        AgencySettingsRefresh.REMINDER_TIME,
                                                        p.reminderTime(),
                                                        actor.userId()))
                                        .then(
                                                settings.setText(
                                                        AgencySettingsRefresh.DUE_SOON_DAYS,
                                                        Integer.toString(p.dueSoonDays()),
                                                        actor.userId())))
                .then(refresh.refresh())
                .then(Mono.fromSupplier(this::current));
    }

    private static Preferences checked(Preferences p) {
        String id;
        try {
            id = ZoneId.of(p.timeZone() == null ? "" : p.timeZone().strip()).getId();
        } catch (DateTimeException e) {
            throw Problems.invalidField("timeZone", "is not a time zone such as Asia/Tokyo");
        }
        LocalTime at;
        try {
            at = LocalTime.parse(p.reminderTime() == null ? "" : p.reminderTime().strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("reminderTime", "must be a time of day such as 07:00");
        }
        if (p.dueSoonDays() < 1 || p.dueSoonDays() > ReminderSettings.MAX_DUE_SOON_DAYS) {
            throw Problems.invalidField(
                    "dueSoonDays", "must be 1 to " + ReminderSettings.MAX_DUE_SOON_DAYS);
        }
        return new Preferences(id, at.withSecond(0).withNano(0).toString(), p.dueSoonDays());
    }
}
