package jp.azukari.platform.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders the console's error page from outside a controller (a security filter, an unmatched
 * path): the request is handed to the dispatcher as {@code GET /console-error/{reason}}, which
 * {@link ConsoleErrorController} answers with the status and the page's language.
 */
@Component
public class ConsoleErrorDispatch {

    public static final String STATUS_ATTRIBUTE = ConsoleErrorDispatch.class.getName() + ".status";

    private final ObjectProvider<DispatcherHandler> dispatcher;

    ConsoleErrorDispatch(ObjectProvider<DispatcherHandler> dispatcher) {
        this.dispatcher = dispatcher;
    }

    public Mono<Void> render(ServerWebExchange exchange, HttpStatus status, String reason) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        exchange.getAttributes().put(STATUS_ATTRIBUTE, status);
        ServerWebExchange error =
                exchange.mutate()
                        .request(
                                r ->
                                        r.method(HttpMethod.GET)
                                                .path("/console-error/" + reason)
                                                .headers(h -> h.remove("HX-Request")))
                        .build();
        return dispatcher.getObject().handle(error);
    }
}
