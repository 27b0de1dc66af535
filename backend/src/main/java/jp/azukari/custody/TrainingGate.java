package jp.azukari.custody;

import java.time.LocalDate;

import jp.azukari.common.Actor;
import reactor.core.publisher.Mono;

/**
 * Article 3: whether the agency requires a current training record to take custody, and whether this user has one.
 */
public interface TrainingGate {

    record Status(boolean required, boolean current) {
    }

    Mono<Status> current(Actor actor, LocalDate today);

    /** The default until the agency turns the rule on. */
    static TrainingGate notRequired() {
        return (actor, today) -> Mono.just(new Status(false, true));
    }
}
