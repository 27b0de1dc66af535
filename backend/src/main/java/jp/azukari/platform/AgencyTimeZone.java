package jp.azukari.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The agency's time zone (default Asia/Tokyo, {@code azukari.time-zone}): "today" for due dates and
 * approval validity is read in it. An administrator may set another one (agency_setting {@code
 * agency.time-zone}); {@link AgencySettingsRefresh} brings every instance to it within seconds, so
 * read {@link #zone()} where it is used, never keep it.
 */
public final class AgencyTimeZone {

    private volatile ZoneId zone;

    public AgencyTimeZone(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    void use(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String toString() {
        return "AgencyTimeZone[" + zone + "]";
    }
}
