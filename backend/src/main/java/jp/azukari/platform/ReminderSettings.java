package jp.azukari.platform;

import java.time.LocalTime;

/**
 * When the daily reminders go out (in the agency's time zone) and how many days before the return
 * date an asset counts as "due soon" (reminders and the dashboard). Configured defaults ({@code
 * azukari.reminders.run-at}, {@code azukari.reminders.due-soon-days}), overridden by what an
 * administrator stored (agency_setting); {@link AgencySettingsRefresh} keeps every instance
 * current.
 */
public final class ReminderSettings {

    public static final int MAX_DUE_SOON_DAYS = 90;

    private volatile LocalTime runAt;
    private volatile int dueSoonDays;

    public ReminderSettings(LocalTime runAt, int dueSoonDays) {
        this.runAt = runAt;
        this.dueSoonDays = dueSoonDays;
    }

    public LocalTime runAt() {
        return runAt;
    }

    public int dueSoonDays() {
        return dueSoonDays;
    }

    void use(LocalTime runAt, int dueSoonDays) {
        this.runAt = runAt;
        this.dueSoonDays = dueSoonDays;
    }
}
