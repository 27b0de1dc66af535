package jp.azukari.scan.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.web.server.ServerWebExchange;

/**
 * Small things the station's pages share: the sign-in redirect, ids from forms, and whether htmx
 * asked.
 */
final class Console {

    private Console() {}

    /** The sign-in page, coming back to {@code next} (a path on this site) afterwards. */
    static String signIn(String next) {
        return "redirect:/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** A UUID from a form field, or null when it is missing or not one. */
    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
    }
}
