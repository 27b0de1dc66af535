package jp.azukari.dashboard;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ThrottleTests {

    @Test
    void theFirstPassesAtOnceAndTheLastOfABurstWhenTheIntervalEnds() {
        StepVerifier.withVirtualTime(
                        () ->
                                Flux.just(1, 2, 3)
                                        .concatWith(Flux.never())
                                        .transform(Throttle.atMostEvery(Duration.ofMillis(500))))
                .expectSubscription()
                .expectNext(1)
                .expectNoEvent(Duration.ofMillis(500))
                .expectNext(3)
                .expectNoEvent(Duration.ofSeconds(2))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void itemsFarApartPassAtOnce() {
        StepVerifier.withVirtualTime(
                        () ->
                                Flux.interval(Duration.ofSeconds(1))
                                        .take(3)
                                        .transform(Throttle.atMostEvery(Duration.ofMillis(500))))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(1))
                .expectNext(0L)
                .expectNoEvent(Duration.ofSeconds(1))
                .expectNext(1L)
                .expectNoEvent(Duration.ofSeconds(1))
                .expectNext(2L)
                .thenAwait(Duration.ofSeconds(1))
                .verifyComplete();
    }
}
