package jp.azukari.user;

import java.time.Clock;
import jp.azukari.auth.CurrentUsers;
import jp.azukari.auth.RefreshTokens;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    @Bean
    UserRepository userRepository(DatabaseClient db) {
        return new UserRepository(db);
    }

    @Bean
    UserService userService(
            UserRepository users,
            RefreshTokens refreshTokens,
            CurrentUsers currentUsers,
            jp.azukari.auth.ConsoleSessions sessions,
            PasswordEncoder passwords,
            ReactiveTransactionManager transactions,
            Clock clock,
            AgencyTimeZone zone) {
        return new UserService(
                users,
                refreshTokens,
                currentUsers,
                sessions,
                passwords,
                TransactionalOperator.create(transactions),
                clock,
                zone);
    }
}
