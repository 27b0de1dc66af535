package jp.azukari.platform.console;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's error page for errors met outside a page controller (see {@link
 * ConsoleErrorDispatch}).
 */
@ConsolePage
class ConsoleErrorController {

    private final ConsoleModel common;

    ConsoleErrorController(ConsoleModel common) {
        this.common = common;
    }

    @GetMapping("/console-error/{reason}")
    Mono<Rendering> error(@PathVariable String reason, ServerWebExchange exchange) {
        HttpStatus given = exchange.getAttribute(ConsoleErrorDispatch.STATUS_ATTRIBUTE);
        HttpStatus status = given != null ? given : HttpStatus.NOT_FOUND;
        String code = "csrf".equals(reason) ? "CSRF" : "";
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
                                                        "",
                                                        "code",
                                                        code))
                                        .build());
    }
}
