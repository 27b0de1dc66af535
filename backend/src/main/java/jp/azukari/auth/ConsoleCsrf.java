package jp.azukari.auth;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token a console page renders (hidden field and meta tag), also on pages the CSRF filter
 * did not reach.
 */
public class ConsoleCsrf {

    private final ConsoleCsrfTokens tokens;
    private final XorServerCsrfTokenRequestAttributeHandler handler =
            ConsoleSecurityConfiguration.requestHandler();

    ConsoleCsrf(ConsoleCsrfTokens tokens) {
        this.tokens = tokens;
    }

    XorServerCsrfTokenRequestAttributeHandler handler() {
        return handler;
    }

    /**
     * This request's token, masked afresh (BREACH), made and remembered in a cookie when the
     * browser has none yet.
     */
    public Mono<CsrfToken> token(ServerWebExchange exchange) {
        Mono<CsrfToken> existing = exchange.getAttribute(CsrfToken.class.getName());
        if (existing == null) {
            handler.handle(
                    exchange,
                    tokens.loadToken(exchange)
                            .switchIfEmpty(
                                    Mono.defer(
                                            () ->
                                                    tokens.generateToken(exchange)
                                                            .delayUntil(
                                                                    t ->
                                                                            tokens.saveToken(
                                                                                    exchange, t))))
                            .cache());
            existing = exchange.getAttribute(CsrfToken.class.getName());
        }
        return existing;
    }
}
