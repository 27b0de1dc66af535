package jp.azukari.archfixture.domain;

import reactor.core.publisher.Mono;

/** A rule that returns a Reactor type: breaks "rules stay plain Java". */
public final class ReactiveRule {

    private ReactiveRule() {}

    public static Mono<Boolean> allowed() {
        return Mono.just(true);
    }
}
