package jp.azukari.publication;

import java.time.Clock;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Incident publication (art. 10). */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    @Bean
    PublicationService publicationService(
            DatabaseClient db, IncidentService incidents, Clock clock, AgencyTimeZone zone) {
        return new PublicationService(db, incidents, clock, zone);
    }
}
