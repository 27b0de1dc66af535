package jp.azukari.auth;

import java.time.Duration;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The console's cookies: the session, the pre-session that binds the sign-in form's CSRF token, and
 * the language.
 */
public final class ConsoleCookies {

    public static final String SESSION = "azukari_session";
    static final String PRE_SESSION = "azukari_pre";
    public static final String LANGUAGE = "azukari_lang";

    private ConsoleCookies() {}

    public static String read(ServerWebExchange exchange, String name) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    static void write(ServerWebExchange exchange, String name, String value, Duration maxAge) {
        exchange.getResponse()
                .addCookie(
                        ResponseCookie.from(name, value)
                                .httpOnly(true)
                                .secure(isHttps(exchange))
                                .sameSite("Lax")
                                .path("/")
                                .maxAge(maxAge)
                                .build());
    }

    static void clear(ServerWebExchange exchange, String name) {
        write(exchange, name, "", Duration.ZERO);
    }

    /** The language is not a secret; it is remembered for the sign-in page after sign-out. */
    public static void writeLanguage(ServerWebExchange exchange, String language) {
        write(exchange, LANGUAGE, language, Duration.ofDays(365));
    }

    static boolean isHttps(ServerWebExchange exchange) {
        return exchange.getRequest().getSslInfo() != null
                || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    }
}
