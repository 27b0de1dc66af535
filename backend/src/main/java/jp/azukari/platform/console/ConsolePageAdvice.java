package jp.azukari.platform.console;

import java.util.Map;
import jp.azukari.custody.CustodyRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The common model of every {@link ConsolePage}, and its errors as the console's error page. */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsolePageAdvice.class);

    private final ConsoleModel common;

    ConsolePageAdvice(ConsoleModel common) {
        this.common = common;
    }

    @ModelAttribute
    Mono<Void> common(ServerWebExchange exchange, Model model) {
        return common.common(exchange).doOnNext(model::addAllAttributes).then();
    }

    @ExceptionHandler(jp.azukari.platform.problem.ProblemException.class)
    Mono<Rendering> applicationProblem(
            jp.azukari.platform.problem.ProblemException e, ServerWebExchange exchange) {
        String code =
                e instanceof CustodyRefusedException refused ? refused.first().code().name() : null;
        return page(exchange, HttpStatus.valueOf(e.kind().name()), e.detail(), code);
    }

    @ExceptionHandler(ErrorResponseException.class)
    Mono<Rendering> problem(ErrorResponseException e, ServerWebExchange exchange) {
        return page(
                exchange,
                HttpStatus.valueOf(e.getStatusCode().value()),
                e.getBody().getDetail(),
                null);
    }

    /**
     * A path id that is not a UUID names nothing the caller may see: the 404 page, as for an
     * unknown id.
     */
    @ExceptionHandler(ResponseStatusException.class)
    Mono<Rendering> status(ResponseStatusException e, ServerWebExchange exchange) {
        boolean badPathId =
                e instanceof org.springframework.web.server.ServerWebInputException input
                        && input.getMethodParameter() != null
                        && input.getMethodParameter()
                                .hasParameterAnnotation(
                                        org.springframework.web.bind.annotation.PathVariable.class);
        HttpStatus status =
                badPathId ? HttpStatus.NOT_FOUND : HttpStatus.valueOf(e.getStatusCode().value());
        return page(exchange, status, null, null);
    }

    @ExceptionHandler(Exception.class)
    Mono<Rendering> unexpected(Exception e, ServerWebExchange exchange) {
        log.error(
                "Unexpected error on console page {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                e);
        return page(exchange, HttpStatus.INTERNAL_SERVER_ERROR, null, null);
    }

    private Mono<Rendering> page(
            ServerWebExchange exchange, HttpStatus status, String detail, String code) {
        return common.common(exchange)
                .map(
                        model ->
                                Rendering.view("console/error")
                                        .status(status)
                                        .model(model)
                                        .model(
                                                Map.of(
                                                        "status",
                                                        status.value(),
                                                        "detail",
                                                        detail == null ? "" : detail,
                                                        "code",
                                                        code == null ? "" : code))
                                        .build());
    }
}
