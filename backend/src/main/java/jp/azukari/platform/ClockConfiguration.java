package jp.azukari.platform;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Time is a parameter: every rule takes its "now" from this clock, so tests can set it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AgencyTimeZone agencyTimeZone(@Value("${azukari.time-zone:Asia/Tokyo}") String zone) {
        return new AgencyTimeZone(ZoneId.of(zone));
    }

    @Bean
    ReminderSettings reminderSettings(
            @Value("${azukari.reminders.run-at:07:00}") LocalTime runAt,
            @Value("${azukari.reminders.due-soon-days:7}") int dueSoonDays) {
        return new ReminderSettings(runAt, dueSoonDays);
    }

    @Bean
    AgencySettingsRefresh agencySettingsRefresh(
            DatabaseClient db, AgencyTimeZone zone, ReminderSettings reminders) {
        AgencySettingsRefresh refresh = new AgencySettingsRefresh(db, zone, reminders);
        // before the first request: a restarted instance starts with what was stored
        refresh.refresh()
                .timeout(java.time.Duration.ofSeconds(5))
                .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                .block();
        return refresh;
    }
}
