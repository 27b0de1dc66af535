package jp.azukari.training;

import java.time.Clock;
import jp.azukari.custody.TrainingGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Article 3: the agency's setting and the gate the custody core asks before anyone takes custody.
 */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    @Bean
    AgencySettings agencySettings(DatabaseClient db, Clock clock) {
        return new AgencySettings(db, clock);
    }

    @Bean
    TrainingGate trainingGate(AgencySettings settings, DatabaseClient db) {
        return new SettingsTrainingGate(settings, db);
    }

    @Bean
    AgencyPreferences agencyPreferences(
            AgencySettings settings,
            jp.azukari.platform.AgencySettingsRefresh refresh,
            jp.azukari.platform.AgencyTimeZone zone,
            jp.azukari.platform.ReminderSettings reminders) {
        return new AgencyPreferences(settings, refresh, zone, reminders);
    }
}
