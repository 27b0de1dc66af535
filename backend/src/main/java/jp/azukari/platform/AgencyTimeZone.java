package jp.azukari.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The agency's time zone (default Asia/Tokyo): "today" for due dates and approval validity is read
 * in it.
 */
public record AgencyTimeZone(ZoneId zone) {

    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
