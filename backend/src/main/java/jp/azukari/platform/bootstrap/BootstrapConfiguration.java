package jp.azukari.platform.bootstrap;

import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class BootstrapConfiguration {

    @Bean
    FirstStart firstStart(
            DatabaseClient db,
            ReactiveTransactionManager transactions,
            PasswordEncoder passwords,
            SecureRandom random,
            @Value("${azukari.agency.name}") String agencyName,
            @Value("${azukari.bootstrap.admin-password:}") String adminPassword) {
        return new FirstStart(
                db,
                TransactionalOperator.create(transactions),
                passwords,
                random,
                agencyName,
                adminPassword);
    }

    /** Runs once the schema is migrated; startup, not a request, so waiting for it here is fine. */
    @Bean
    @ConditionalOnProperty(
            name = "azukari.bootstrap.enabled",
            havingValue = "true",
            matchIfMissing = true)
    ApplicationRunner firstStartRunner(FirstStart firstStart) {
        return args -> firstStart.run().block(Duration.ofMinutes(2));
    }
}
