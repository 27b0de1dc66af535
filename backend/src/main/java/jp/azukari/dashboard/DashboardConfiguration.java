package jp.azukari.dashboard;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The manager's dashboard: its read model and the change feed that keeps it live on every instance.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    ChangeFeed changeFeed(
            ConnectionFactory connections,
            @Value("${azukari.dashboard.keep-alive:PT10S}") Duration keepAlive) {
        return new ChangeFeed(connections, keepAlive);
    }

    @Bean
    DashboardQuery dashboardQuery(DatabaseClient db, TransactionalOperator tx) {
        return new DashboardQuery(db, tx);
    }

    @Bean
    DashboardService dashboardService(
            DashboardQuery query,
            ChangeFeed feed,
            Clock clock,
            AgencyTimeZone zone,
            jp.azukari.platform.ReminderSettings reminders,
            @Value("${azukari.dashboard.refresh-at-most-every:PT0.5S}") Duration throttle) {
        return new DashboardService(query, feed, clock, zone, reminders::dueSoonDays, throttle);
    }
}
