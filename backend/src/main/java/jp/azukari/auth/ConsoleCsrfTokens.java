package jp.azukari.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF tokens bound to the browser's session: the token is a hash of the HttpOnly session cookie,
 * so a page on another site can neither read nor compute it, and every instance derives the same
 * one without storing it. Before sign-in a random pre-session cookie plays the session's part (the
 * sign-in form is protected too).
 */
class ConsoleCsrfTokens implements ServerCsrfTokenRepository {

    static final String HEADER = "X-CSRF-TOKEN";
    static final String PARAMETER = "_csrf";
    private static final String NEW_PRE_SESSION = ConsoleCsrfTokens.class.getName() + ".pre";

    private final SecureRandom random;

    ConsoleCsrfTokens(SecureRandom random) {
        this.random = random;
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return Mono.fromSupplier(
                () -> {
                    String bound = boundCookie(exchange);
                    return bound == null ? null : token(bound);
                });
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromSupplier(
                () -> {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    String pre = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    exchange.getAttributes().put(NEW_PRE_SESSION, pre);
                    return token(pre);
                });
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return Mono.fromRunnable(
                () -> {
                    String pre = exchange.getAttribute(NEW_PRE_SESSION);
                    if (token != null && pre != null) {
                        ConsoleCookies.write(
                                exchange, ConsoleCookies.PRE_SESSION, pre, Duration.ofDays(1));
                    }
                });
    }

    private static String boundCookie(ServerWebExchange exchange) {
        String session = ConsoleCookies.read(exchange, ConsoleCookies.SESSION);
        return session != null
                ? session
                : ConsoleCookies.read(exchange, ConsoleCookies.PRE_SESSION);
    }

    private static CsrfToken token(String cookieValue) {
        return new DefaultCsrfToken(HEADER, PARAMETER, ConsoleSessions.csrfToken(cookieValue));
    }
}
