package jp.azukari.auth;

import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    SigningKeys signingKeys(
            @Value("${azukari.auth.jwt-secret:}") String secret,
            DatabaseClient db,
            SecureRandom random) {
        return new SigningKeys(secret, db, random);
    }

    @Bean
    AccessTokens accessTokens(
            SigningKeys keys,
            @Value("${azukari.auth.access-token-ttl}") Duration ttl,
            Clock clock) {
        return new AccessTokens(keys, ttl, clock);
    }

    @Bean
    CurrentUsers currentUsers(
            DatabaseClient db, @Value("${azukari.auth.user-state-cache:2s}") Duration ttl) {
        return new CurrentUsers(db, ttl);
    }

    @Bean
    UserStateNotifications userStateNotifications(
            ConnectionFactory connectionFactory, CurrentUsers users) {
        return new UserStateNotifications(connectionFactory, users);
    }

    /**
     * Bearer tokens are the only way in; the actor is the user as they are now ({@link
     * CurrentUsers}), never the role or party the token was issued with. As a bean it also stops
     * Spring Boot from making its default in-memory user with a generated password, which nothing
     * here would use.
     */
    @Bean
    ReactiveAuthenticationManager bearerAuthenticationManager(
            AccessTokens tokens, CurrentUsers users) {
        return authentication ->
                tokens.subject((String) authentication.getCredentials())
                        .flatMap(subject -> users.valid(subject.userId(), subject.tokenVersion()))
                        .map(
                                state ->
                                        PasswordChangeFilter.authentication(
                                                state.actor(), state.passwordChangeRequired()))
                        .switchIfEmpty(
                                Mono.error(
                                        new BadCredentialsException(
                                                "invalid or expired access token")));
    }

    /**
     * Spring Security would otherwise wrap each of its filters in an observation on every request;
     * nothing reads them (only health is exposed) and they were a tenth of a small request's CPU.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, ReactiveAuthenticationManager manager) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(manager);
        bearer.setServerAuthenticationConverter(SecurityConfiguration::bearerToken);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler(
                (exchange, ex) ->
                        problem(
                                exchange.getExchange(),
                                HttpStatus.UNAUTHORIZED,
                                "unauthorized",
                                "Unauthorized",
                                ex.getMessage()));

        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // the default request cache opens a web session on every request (created on
                // another scheduler and
                // handed back on a third): a token API has nothing to replay after a login, so it
                // keeps no sessions
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(PasswordChangeFilter.api(), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(
                        auth ->
                                auth.pathMatchers(
                                                "/api/v1/auth/token",
                                                "/api/v1/auth/refresh",
                                                "/api/v1/auth/logout")
                                        .permitAll()
                                        .pathMatchers("/actuator/health/**", "/actuator/health")
                                        .permitAll()
                                        .pathMatchers(
                                                "/api/v1/openapi/**",
                                                "/api/v1/openapi",
                                                "/api/docs/**",
                                                "/api/docs",
                                                "/api/swagger-ui/**",
                                                "/webjars/**")
                                        .permitAll()
                                        .pathMatchers("/api/**")
                                        .authenticated()
                                        .anyExchange()
                                        .permitAll())
                .exceptionHandling(
                        ex ->
                                ex.authenticationEntryPoint(
                                                (exchange, e) ->
                                                        problem(
                                                                exchange,
                                                                HttpStatus.UNAUTHORIZED,
                                                                "unauthorized",
                                                                "Unauthorized",
                                                                "A valid access token is required (Authorization: Bearer …)"))
                                        .accessDeniedHandler(
                                                (exchange, e) ->
                                                        problem(
                                                                exchange,
                                                                HttpStatus.FORBIDDEN,
                                                                "forbidden",
                                                                "Forbidden",
                                                                "Your role may not do this")))
                .headers(
                        h ->
                                h.contentSecurityPolicy(
                                        csp ->
                                                csp.policyDirectives(
                                                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }

    private static Mono<Authentication> bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        String token = header.substring(7).trim();
        if (token.isEmpty() || token.length() > 4096) {
            return Mono.error(new BadCredentialsException("malformed bearer token"));
        }
        return Mono.just(new UsernamePasswordAuthenticationToken(null, token));
    }

    static Mono<Void> problem(
            ServerWebExchange exchange,
            HttpStatus status,
            String slug,
            String title,
            String detail) {
        return problem(exchange, status, slug, title, detail, null);
    }

    /** An RFC 9457 answer written before any controller runs; {@code code} when not null. */
    static Mono<Void> problem(
            ServerWebExchange exchange,
            HttpStatus status,
            String slug,
            String title,
            String detail,
            String code) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        String json =
                "{\"type\":\"https://azukari.jp/problems/"
                        + slug
                        + "\",\"title\":\""
                        + title
                        + "\",\"status\":"
                        + status.value()
                        + ",\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"instance\":\""
                        + exchange.getRequest().getPath().value().replace("\"", "")
                        + (code == null ? "" : "\",\"code\":\"" + code)
                        + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
