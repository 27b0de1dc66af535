package jp.azukari.device;

import java.time.Clock;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Connected devices (art. 5). */
@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

    @Bean
    DeviceService deviceService(
            DatabaseClient db, TransactionalOperator tx, Clock clock, AgencyTimeZone zone) {
        return new DeviceService(db, tx, clock, zone);
    }
}
