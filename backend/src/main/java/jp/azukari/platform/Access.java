package jp.azukari.platform;

import java.util.Arrays;
import java.util.stream.Collectors;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.problem.Problems;
import reactor.core.publisher.Mono;

/** Role checks at the start of a use case's pipeline: a refusal is a 403 problem naming who may. */
public final class Access {

    private Access() {}

    /**
     * Completes when the actor has one of the roles, else errors with 403 "Only ADMIN may {@code
     * doWhat}".
     */
    public static Mono<Void> require(Actor actor, String doWhat, Role... allowed) {
        for (Role role : allowed) {
            if (actor.is(role)) {
                return Mono.empty();
            }
        }
        String who = Arrays.stream(allowed).map(Role::name).collect(Collectors.joining(" or "));
        return Mono.error(Problems.forbidden("Only " + who + " may " + doWhat));
    }
}
