package jp.azukari.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wiring of sign-in, refresh-token rotation and the login throttle. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    LoginThrottlePolicy loginThrottlePolicy(
            @Value("${azukari.auth.login.max-failures:5}") int maxFailures,
            @Value("${azukari.auth.login.lock-duration:15m}") Duration lockDuration,
            @Value("${azukari.auth.login.delay-per-failure:200ms}") Duration delayStep,
            @Value("${azukari.auth.login.max-delay:2s}") Duration maxDelay,
            @Value("${azukari.auth.login.failure-window:24h}") Duration failureWindow) {
        return new LoginThrottlePolicy(
                maxFailures, lockDuration, delayStep, maxDelay, failureWindow);
    }

    @Bean
    LoginThrottle loginThrottle(DatabaseClient db, LoginThrottlePolicy policy) {
        return new LoginThrottle(db, policy);
    }

    @Bean
    RefreshTokens refreshTokens(
            DatabaseClient db,
            SecureRandom random,
            Clock clock,
            @Value("${azukari.auth.refresh-token-ttl}") Duration ttl) {
        return new RefreshTokens(db, random, clock, ttl);
    }

    @Bean
    Accounts accounts(DatabaseClient db) {
        return new Accounts(db);
    }

    @Bean
    TokenService tokenService(
            Accounts accounts,
            LoginThrottle throttle,
            LoginThrottlePolicy policy,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            CurrentUsers currentUsers,
            PasswordEncoder passwords,
            Clock clock,
            SecureRandom random) {
        return new TokenService(
                accounts,
                throttle,
                policy,
                refreshTokens,
                accessTokens,
                currentUsers,
                passwords,
                clock,
                random);
    }

    @Bean
    PasswordChanges passwordChanges(
            TokenService tokens,
            DatabaseClient db,
            RefreshTokens refreshTokens,
            ConsoleSessions sessions,
            CurrentUsers currentUsers,
            PasswordEncoder passwords,
            org.springframework.transaction.ReactiveTransactionManager transactions) {
        return new PasswordChanges(
                tokens,
                db,
                refreshTokens,
                sessions,
                currentUsers,
                passwords,
                org.springframework.transaction.reactive.TransactionalOperator.create(
                        transactions));
    }
}
