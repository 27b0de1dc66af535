package jp.azukari.auth;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import jp.azukari.platform.console.ConsoleErrorDispatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The web console's own security: everything that is not the API, the actuator or the API's
 * documentation. A session cookie whose state lives in PostgreSQL ({@link ConsoleSessions}), CSRF
 * tokens bound to it ({@link ConsoleCsrfTokens}), a strict Content-Security-Policy, and sign-in
 * redirects instead of 401 problems. The API's bearer-token chain in {@link SecurityConfiguration}
 * is untouched and ordered after this one.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                    + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    ConsoleSessions consoleSessions(
            DatabaseClient db,
            SecureRandom random,
            Clock clock,
            @Value("${azukari.console.session.max-age:12h}") Duration maxAge,
            @Value("${azukari.console.session.idle-timeout:1h}") Duration idle) {
        return new ConsoleSessions(db, random, clock, maxAge, idle);
    }

    @Bean
    ConsoleCsrfTokens sessionCsrfTokens(SecureRandom random) {
        return new ConsoleCsrfTokens(random);
    }

    @Bean
    ConsoleCsrf consoleCsrf(ConsoleCsrfTokens tokens) {
        return new ConsoleCsrf(tokens);
    }

    @Bean
    @Order(0)
    SecurityWebFilterChain consoleSecurityWebFilterChain(
            ServerHttpSecurity http,
            ConsoleSessions sessions,
            ConsoleCsrfTokens tokens,
            ConsoleCsrf csrf,
            ConsoleErrorDispatch errors) {
        return http.securityMatcher(
                        new NegatedServerWebExchangeMatcher(
                                ServerWebExchangeMatchers.pathMatchers(
                                        "/api/**",
                                        "/actuator/**",
                                        "/webjars/swagger-ui/**",
                                        "/v3/api-docs/**")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(new ConsoleSessionContexts(sessions))
                .addFilterAfter(
                        PasswordChangeFilter.console(),
                        org.springframework.security.config.web.server.SecurityWebFiltersOrder
                                .AUTHENTICATION)
                .csrf(
                        c ->
                                c.csrfTokenRepository(tokens)
                                        .csrfTokenRequestHandler(csrf.handler())
                                        .accessDeniedHandler(
                                                (exchange, e) ->
                                                        errors.render(
                                                                exchange,
                                                                HttpStatus.FORBIDDEN,
                                                                "csrf")))
                .authorizeExchange(
                        auth ->
                                auth.pathMatchers(
                                                "/signin",
                                                "/language",
                                                "/console/**",
                                                "/webjars/**",
                                                "/favicon.ico",
                                                "/console-error/**",
                                                "/about")
                                        .permitAll()
                                        // an AUDITOR reads everything and changes nothing (SPEC
                                        // §2): no state-changing console route is
                                        // theirs, whichever page adds one; their own session,
                                        // language and password stay theirs, and
                                        // starting a ledger verification (a read of the whole
                                        // ledger, recorded as a run) is their job
                                        .pathMatchers(
                                                HttpMethod.POST,
                                                "/signout",
                                                "/account/**",
                                                "/ledger/verify",
                                                // art. 9: an auditor takes inventories (the
                                                // audit service decides who may, as the API)
                                                "/audits",
                                                "/audits/*/scan",
                                                "/audits/*/close")
                                        .authenticated()
                                        .matchers(
                                                ServerWebExchangeMatchers.pathMatchers(
                                                        HttpMethod.POST, "/**"),
                                                ServerWebExchangeMatchers.pathMatchers(
                                                        HttpMethod.PUT, "/**"),
                                                ServerWebExchangeMatchers.pathMatchers(
                                                        HttpMethod.PATCH, "/**"),
                                                ServerWebExchangeMatchers.pathMatchers(
                                                        HttpMethod.DELETE, "/**"))
                                        .access(
                                                (authentication, context) ->
                                                        authentication
                                                                .<AuthorizationResult>map(
                                                                        a ->
                                                                                new AuthorizationDecision(
                                                                                        a
                                                                                                        .isAuthenticated()
                                                                                                && a
                                                                                                        .getAuthorities()
                                                                                                        .stream()
                                                                                                        .noneMatch(
                                                                                                                g ->
                                                                                                                        "ROLE_AUDITOR"
                                                                                                                                .equals(
                                                                                                                                        g
                                                                                                                                                .getAuthority()))))
                                                                .defaultIfEmpty(
                                                                        new AuthorizationDecision(
                                                                                false)))
                                        .pathMatchers("/admin/**")
                                        .hasRole("ADMIN")
                                        .anyExchange()
                                        .authenticated())
                .exceptionHandling(
                        ex ->
                                ex.authenticationEntryPoint((exchange, e) -> toSignIn(exchange))
                                        .accessDeniedHandler(
                                                (exchange, e) ->
                                                        errors.render(
                                                                exchange,
                                                                HttpStatus.FORBIDDEN,
                                                                "403")))
                .headers(
                        h ->
                                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                                        .referrerPolicy(
                                                r ->
                                                        r.policy(
                                                                ReferrerPolicyServerHttpHeadersWriter
                                                                        .ReferrerPolicy
                                                                        .SAME_ORIGIN)))
                .build();
    }

    /**
     * A page that needs a signed-in user sends the browser to the sign-in page, which brings it
     * back afterwards.
     */
    private static Mono<Void> toSignIn(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String next =
                request.getURI().getRawPath()
                        + (request.getURI().getRawQuery() != null
                                ? "?" + request.getURI().getRawQuery()
                                : "");
        var target = UriComponentsBuilder.fromPath("/signin");
        if (request.getMethod().matches("GET") && !"/".equals(next)) {
            target.queryParam("next", "{next}");
        }
        if (ConsoleCookies.read(exchange, ConsoleCookies.SESSION) != null) {
            target.queryParam("expired", "1");
        }
        URI location = target.encode().buildAndExpand(next).toUri();
        var response = exchange.getResponse();
        if (request.getHeaders().containsHeader("HX-Request")) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().set("HX-Redirect", location.toString());
        } else {
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(location);
        }
        return response.setComplete();
    }

    /**
     * The security context of a console request is its live session's user, read from the database.
     */
    private record ConsoleSessionContexts(ConsoleSessions sessions)
            implements ServerSecurityContextRepository {

        @Override
        public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
            return Mono.empty();
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            return sessions.current(exchange)
                    .flatMap(
                            found ->
                                    Mono.justOrEmpty(
                                            found.map(
                                                    user ->
                                                            new SecurityContextImpl(
                                                                    PasswordChangeFilter
                                                                            .authentication(
                                                                                    user.actor(),
                                                                                    user
                                                                                            .passwordChangeRequired())))));
        }
    }

    static XorServerCsrfTokenRequestAttributeHandler requestHandler() {
        var handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }
}
