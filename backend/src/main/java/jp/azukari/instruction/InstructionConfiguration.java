package jp.azukari.instruction;

import java.time.Clock;
import jp.azukari.incident.IncidentService;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The agency's instructions followed (art. 8.3, 11). */
@Configuration(proxyBeanMethods = false)
class InstructionConfiguration {

    @Bean
    InstructionService instructionService(DatabaseClient db, Clock clock, AgencyTimeZone zone) {
        return new InstructionService(db, clock, zone);
    }

    @Bean
    IncidentAcknowledgements incidentAcknowledgements(
            DatabaseClient db, IncidentService incidents, Clock clock) {
        return new IncidentAcknowledgements(db, incidents, clock);
    }
}
