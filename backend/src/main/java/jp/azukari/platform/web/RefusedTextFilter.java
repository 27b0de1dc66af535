package jp.azukari.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Text PostgreSQL cannot store — the NUL character U+0000 — answers a precise 400 wherever it comes
 * in, before any work is done (issue 10). This filter checks the path and every query parameter
 * (name and value, decoded), for every request, authenticated or not; JSON strings are checked as
 * they are read ({@link RefusedText#jsonModule}); anything that still reaches the database (a
 * multipart or form field, say) is answered the same way by {@link ProblemExceptionHandler} from
 * the database's own refusal, which rolls its transaction back.
 */
@Component
class RefusedTextFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        // before the body-size filter and Spring Security
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String where = null;
        if (RefusedText.contains(request.getPath().value())
                || request.getURI().getRawPath().contains("%00")) {
            where = "the path";
        } else {
            for (Map.Entry<String, List<String>> e : request.getQueryParams().entrySet()) {
                if (RefusedText.contains(e.getKey())
                        || e.getValue().stream().anyMatch(RefusedText::contains)) {
                    where = "the query parameter '" + RefusedText.printable(e.getKey()) + "'";
                    break;
                }
            }
        }
        if (where == null) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String json =
                "{\"type\":\"https://azukari.jp/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\""
                        + where.replace("\\", "\\\\").replace("\"", "\\\"")
                        + " "
                        + RefusedText.REASON
                        + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
