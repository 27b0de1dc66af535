package jp.azukari.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
