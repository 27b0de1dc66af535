package jp.azukari.party;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.problem.Problems;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading and registering parties. Agency roles see all of them; a custodian sees its own circle
 * only.
 */
public class PartyService {

    public record NewParty(String name, PartyKind kind) {}

    private final PartyRepository parties;

    PartyService(PartyRepository parties) {
        this.parties = parties;
    }

    public Flux<PartyView> list(Actor actor, PartyKind kind) {
        return parties.visibleTo(actor, kind);
    }

    public Mono<PartyView> get(Actor actor, UUID id) {
        return parties.visibleTo(actor, id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Party " + id)));
    }

    /** The request is read only once the actor is known to be an ADMIN. */
    public Mono<PartyView> create(Actor actor, Mono<NewParty> request) {
        return Access.require(actor, "register parties", Role.ADMIN)
                .then(request)
                .flatMap(
                        p ->
                                parties.insert(UUID.randomUUID(), p.name().strip(), p.kind())
                                        .onErrorMap(
                                                DuplicateKeyException.class,
                                                e ->
                                                        Problems.conflict(
                                                                "party-name-taken",
                                                                "A party named '"
                                                                        + p.name().strip()
                                                                        + "' already exists")));
    }
}
