package jp.azukari.dashboard;

import java.time.Duration;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * At most one item per interval, the first at once and the last never lost: after an item passes,
 * whatever arrives during the interval is folded into the latest one, which passes when the
 * interval is over. A page that re-reads on each item so sees every change within one interval,
 * however many arrive.
 */
final class Throttle {

    private Throttle() {}

    static <T> Function<Flux<T>, Publisher<T>> atMostEvery(Duration interval) {
        return flux ->
                flux.onBackpressureLatest()
                        .concatMap(
                                item ->
                                        Mono.just(item)
                                                .concatWith(
                                                        Mono.delay(interval).then(Mono.empty())),
                                0);
    }
}
