package jp.azukari.platform.console;

import java.util.Locale;
import jp.azukari.auth.ConsoleCookies;
import jp.azukari.auth.ConsoleSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Japanese first: a page is in the signed-in user's language (remembered on their user row), else
 * in the language last chosen in this browser (a cookie), else Japanese. English is the other
 * choice.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocales {

    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        // the API keeps answering in the language its client asks for (Accept-Language), as before
        var api = new AcceptHeaderLocaleContextResolver();
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                String path = exchange.getRequest().getPath().pathWithinApplication().value();
                if (path.startsWith("/api/") || path.startsWith("/actuator")) {
                    return api.resolveLocaleContext(exchange);
                }
                String chosen = exchange.getAttribute(ConsoleSessions.LOCALE_ATTRIBUTE);
                if (chosen == null) {
                    chosen = ConsoleCookies.read(exchange, ConsoleCookies.LANGUAGE);
                }
                return new SimpleLocaleContext(
                        "en".equals(chosen) ? Locale.ENGLISH : Locale.JAPANESE);
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException(
                        "the language is chosen through POST /language");
            }
        };
    }
}
