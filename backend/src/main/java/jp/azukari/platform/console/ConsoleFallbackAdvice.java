package jp.azukari.platform.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A path no controller or file answers is, outside the API, the console's 404 page in the page's
 * language; under {@code /api} it stays exactly the API's problem (handed to the API's own
 * exception handler).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConsoleFallbackAdvice {

    private final ConsoleErrorDispatch errors;
    private final ResponseEntityExceptionHandler api;

    ConsoleFallbackAdvice(ConsoleErrorDispatch errors, ResponseEntityExceptionHandler api) {
        this.errors = errors;
        this.api = api;
    }

    @ExceptionHandler(ResponseStatusException.class)
    Mono<ResponseEntity<Object>> unanswered(ResponseStatusException e, ServerWebExchange exchange)
            throws Exception {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (e.getStatusCode().value() != 404) {
            return api.handleException(e, exchange);
        }
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            // the API's 404 says what was not found, as it did before the console had its own
            // fallback
            return api.handleException(
                    new ResponseStatusException(
                            HttpStatus.NOT_FOUND, "No API operation at " + path),
                    exchange);
        }
        return errors.render(exchange, HttpStatus.NOT_FOUND, "404").then(Mono.empty());
    }
}
