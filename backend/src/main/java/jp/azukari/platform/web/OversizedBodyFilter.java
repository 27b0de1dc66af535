package jp.azukari.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import jp.azukari.platform.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 413 to a JSON request whose declared {@code Content-Length} is beyond what the codecs
 * would buffer ({@code spring.http.codecs.max-in-memory-size}), before anything else reads it —
 * authentication included.
 *
 * <p>Why not leave it to the codec, which also fails (and {@link ProblemExceptionHandler} turns
 * that into the same 413)? The codec stops reading half way; the server then closes a connection
 * whose client is still sending, and the client's TCP stack may drop the 413 before the client
 * reads it. Here the body is read and thrown away first (up to a bound), so the client always sees
 * the answer. A JSON body of undeclared length (chunked) is passed on only up to the limit and
 * drained the same way before the codec is told it overflowed.
 */
@Component
class OversizedBodyFilter implements WebFilter, Ordered {

    /** Beyond this, draining is not worth it: the connection is closed, as the codec path would. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private final long limit;

    OversizedBodyFilter(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!isJson(request.getHeaders().getContentType())) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared < 0) {
            return chain.filter(exchange.mutate().request(new DrainingBody(request)).build());
        }
        if (declared <= limit) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        Mono<Void> drain =
                declared > MAX_DRAIN_BYTES
                        ? Mono.empty()
                        : request.getBody()
                                .doOnNext(buffer -> seen.addAndGet(buffer.readableByteCount()))
                                .doOnNext(DataBufferUtils::release)
                                .takeUntil(buffer -> seen.get() >= MAX_DRAIN_BYTES)
                                .then()
                                .onErrorResume(e -> Mono.empty());
        return drain.then(Mono.defer(() -> answer(exchange)));
    }

    private Mono<Void> answer(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String path = exchange.getRequest().getPath().value().replace("\\", "").replace("\"", "");
        String json =
                "{\"type\":\""
                        + Problems.TYPE_BASE
                        + "payload-too-large\",\"title\":\"Request body too large\","
                        + "\"status\":413,\"detail\":\""
                        + RequestProblems.tooLargeDetail(limit)
                        + "\",\"instance\":\""
                        + path
                        + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * A body of undeclared length (chunked): passes on at most {@code limit} bytes, reads and drops
     * the rest, and only then fails with {@link DataBufferLimitException}, which WebFlux answers
     * 413 like its own overflow.
     */
    private final class DrainingBody extends ServerHttpRequestDecorator {

        DrainingBody(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(
                    () -> {
                        AtomicLong seen = new AtomicLong();
                        return super.getBody()
                                // concatMap, not handle or filter: a dropped element would also
                                // meet the discard hook
                                .concatMap(
                                        buffer -> {
                                            long total = seen.addAndGet(buffer.readableByteCount());
                                            if (total <= limit) {
                                                return Mono.just(buffer);
                                            }
                                            DataBufferUtils.release(buffer);
                                            return total > MAX_DRAIN_BYTES
                                                    ? Mono.<DataBuffer>error(overflow())
                                                    : Mono.<DataBuffer>empty();
                                        })
                                .concatWith(
                                        Mono.defer(
                                                () ->
                                                        seen.get() > limit
                                                                ? Mono.error(overflow())
                                                                : Mono.empty()));
                    });
        }

        private DataBufferLimitException overflow() {
            return new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + limit);
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || ("application".equals(type.getType())
                                && type.getSubtype().endsWith("+json")));
    }
}
