package jp.azukari.access;

import java.time.Clock;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The access log of art. 2.1 (docs/provisions.md). */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    AccessLog accessLog(
            DatabaseClient db,
            Clock clock,
            @Value("${azukari.access-log.enabled:true}") boolean enabled,
            @Value("${azukari.access-log.max-group:500}") int maxGroup,
            @Value("${azukari.access-log.groups-in-flight:2}") int inFlight) {
        return new AccessLog(db, clock, enabled, maxGroup, inFlight);
    }

    @Bean
    AccessLogSearch accessLogSearch(DatabaseClient db, AgencyTimeZone zone) {
        return new AccessLogSearch(db, zone);
    }
}
