package jp.azukari.platform.console;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.azukari.auth.ConsoleCsrf;
import jp.azukari.auth.ConsoleSessions;
import jp.azukari.auth.ConsoleSessions.SessionUser;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the layout of every console page needs: the signed-in user ({@code me}, may be null), the
 * navigation for their role ({@code nav}), the CSRF token ({@code csrf}, also added to every {@code
 * th:action} form), the page's language ({@code lang}) and the current path ({@code here}, for the
 * language switch to come back to).
 */
@Component
public class ConsoleModel {

    private final ConsoleSessions sessions;
    private final ConsoleCsrf csrf;

    ConsoleModel(ConsoleSessions sessions, ConsoleCsrf csrf) {
        this.sessions = sessions;
        this.csrf = csrf;
    }

    public Mono<Map<String, Object>> common(ServerWebExchange exchange) {
        return Mono.zip(sessions.current(exchange), csrf.token(exchange))
                .map(
                        t -> {
                            SessionUser me = t.getT1().orElse(null);
                            exchange.getAttributes()
                                    .put(
                                            CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME,
                                            t.getT2());
                            Map<String, Object> model = new HashMap<>();
                            model.put("me", me);
                            model.put(
                                    "nav",
                                    // held on the change-password page: nothing else to offer
                                    me == null || me.passwordChangeRequired()
                                            ? List.of()
                                            : ConsoleNavigation.of(me.actor().role()));
                            model.put("csrf", t.getT2());
                            model.put("lang", language(exchange));
                            var uri = exchange.getRequest().getURI();
                            model.put(
                                    "here",
                                    uri.getRawPath()
                                            + (uri.getRawQuery() == null
                                                    ? ""
                                                    : "?" + uri.getRawQuery()));
                            return model;
                        });
    }

    public static String language(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "ja";
    }
}
