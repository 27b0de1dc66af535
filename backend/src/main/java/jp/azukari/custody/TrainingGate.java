package jp.azukari.custody;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Article 3: whether the agency requires a current training record to take custody, and whether
 * this user has one.
 */
public interface TrainingGate {

    record Status(boolean required, boolean current) {}

    Mono<Status> current(Actor actor, LocalDate today);

    /**
     * The status of each of these users, by user id (one check per user unless an implementation
     * does better).
     */
    default Mono<Map<UUID, Status>> current(Collection<Actor> actors, LocalDate today) {
        return Flux.fromIterable(actors)
                .concatMap(a -> current(a, today).map(s -> Map.entry(a.userId(), s)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The default until the agency turns the rule on. */
    static TrainingGate notRequired() {
        return (actor, today) -> Mono.just(new Status(false, true));
    }
}
