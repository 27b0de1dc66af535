package jp.azukari.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Test-only: a web filter that fails for one path, to prove errors outside controllers still answer
 * as problems.
 */
@Component
class FailingProbeFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().equals("/api/v1/test-only/filter-boom")) {
            return Mono.error(new IllegalStateException("filter secret: select * from app_user"));
        }
        return chain.filter(exchange);
    }
}
