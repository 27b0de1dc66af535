package jp.azukari.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.azukari.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last net, for errors raised outside any controller (in a web filter, say), which {@link
 * ProblemExceptionHandler} never sees: they too answer as a problem, and an unexpected one is
 * logged and answered 500 with a generic detail. Runs before Spring Boot's own error handler, which
 * would answer a non-problem JSON shape.
 */
@Component
class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String detail;
        String slug;
        if (ex instanceof ResponseStatusException rse && rse.getStatusCode().value() < 500) {
            status = rse.getStatusCode();
            slug = "invalid-request";
            detail =
                    rse.getReason() != null
                            ? rse.getReason()
                            : HttpStatus.valueOf(status.value()).getReasonPhrase();
        } else if (DatabaseFaults.isConnectionLoss(ex)) {
            // e.g. the user-state lookup of authentication, before any controller ran: nothing was
            // written
            log.warn(
                    "Database unavailable on {} {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    ex.toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            slug = "unavailable";
            detail = "The service cannot reach its database right now; try again shortly";
            response.getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        } else {
            String errorId = UUID.randomUUID().toString();
            log.error(
                    "Unexpected error {} on {} {}",
                    errorId,
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            slug = "internal-error";
            detail = "An unexpected error occurred; it has been logged under id " + errorId;
        }
        String title =
                HttpStatus.resolve(status.value()) != null
                        ? HttpStatus.valueOf(status.value()).getReasonPhrase()
                        : "Error";
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json =
                "{\"type\":\""
                        + Problems.TYPE_BASE
                        + slug
                        + "\",\"title\":\""
                        + escape(title)
                        + "\",\"status\":"
                        + status.value()
                        + ",\"detail\":\""
                        + escape(detail)
                        + "\",\"instance\":\""
                        + escape(exchange.getRequest().getPath().value())
                        + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
