package jp.azukari.user;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.auth.ConsoleSessions;
import jp.azukari.auth.CurrentUsers;
import jp.azukari.auth.PasswordPolicy;
import jp.azukari.auth.RefreshTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Managing users. ADMIN, MANAGER and AUDITOR see every user; a custodian sees the users of its own
 * party; only an ADMIN creates or changes users; an ADMIN or MANAGER records training. Write
 * requests are read only once the role is known to be allowed.
 */
public class UserService {

    public record NewUser(
            String username, String displayName, UUID partyId, Role role, String password) {}

    public record UserPatch(
            String displayName, Boolean active, Role role, UUID partyId, String password) {

        boolean isEmpty() {
            return displayName == null
                    && active == null
                    && role == null
                    && partyId == null
                    && password == null;
        }
    }

    public record TrainingRecord(LocalDate completedOn, LocalDate validUntil) {}

    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.AUDITOR};

    private final UserRepository users;
    private final RefreshTokens refreshTokens;
    private final CurrentUsers currentUsers;
    private final ConsoleSessions sessions;
    private final PasswordEncoder passwords;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;

    UserService(
            UserRepository users,
            RefreshTokens refreshTokens,
            CurrentUsers currentUsers,
            ConsoleSessions sessions,
            PasswordEncoder passwords,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.currentUsers = currentUsers;
        this.sessions = sessions;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    public Flux<UserView> list(Actor actor, UUID partyId) {
        if (actor.isScopedToParty()) {
            return partyId == null || partyId.equals(actor.partyId())
                    ? users.list(actor.partyId())
                    : Flux.empty();
        }
        return Access.require(actor, "list users", READERS).thenMany(users.list(partyId));
    }

    Mono<UserView> me(Actor actor) {
        return users.find(actor.userId())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("User " + actor.userId())));
    }

    public Mono<UserView> get(Actor actor, UUID id) {
        if (id.equals(actor.userId())) {
            return me(actor);
        }
        Mono<UserView> visible =
                actor.isScopedToParty()
                        ? users.find(id).filter(u -> u.partyId().equals(actor.partyId()))
                        : Access.require(actor, "read other users", READERS).then(users.find(id));
        return visible.switchIfEmpty(Mono.error(() -> Problems.notFound("User " + id)));
    }

    public Mono<UserView> create(Actor actor, Mono<NewUser> request) {
        return Access.require(actor, "create users", Role.ADMIN)
                .then(request)
                .flatMap(this::insert);
    }

    public Mono<UserView> update(Actor actor, UUID id, Mono<UserPatch> request) {
        return Access.require(actor, "change users", Role.ADMIN)
                .then(request)
                .flatMap(patch -> change(actor, id, patch));
    }

    public Mono<UserView> recordTraining(Actor actor, UUID id, Mono<TrainingRecord> request) {
        return Access.require(actor, "record training", Role.ADMIN, Role.MANAGER)
                .then(request)
                .flatMap(
                        training -> {
                            if (training.validUntil().isBefore(training.completedOn())) {
                                return Mono.error(
                                        Problems.invalidField(
                                                "validUntil",
                                                "must be on or after completedOn ("
                                                        + training.completedOn()
                                                        + ")"));
                            }
                            if (training.completedOn().isAfter(zone.today(clock))) {
                                return Mono.error(
                                        Problems.invalidField(
                                                "completedOn", "must not be in the future"));
                            }
                            return users.recordTraining(
                                    id, training.completedOn(), training.validUntil());
                        })
                .flatMap(
                        updated ->
                                updated == 0
                                        ? Mono.error(Problems.notFound("User " + id))
                                        : users.find(id));
    }

    private Mono<UserView> insert(NewUser user) {
        UUID id = UUID.randomUUID();
        return passwordProblem(user.password())
                .then(users.partyKind(user.partyId()))
                .switchIfEmpty(
                        Mono.error(
                                () ->
                                        Problems.invalidField(
                                                "partyId",
                                                "no party has the id " + user.partyId())))
                .flatMap(
                        kind ->
                                RolePlacement.violation(user.role(), kind)
                                        .<Mono<String>>map(
                                                why ->
                                                        Mono.error(
                                                                Problems.invalidField("role", why)))
                                        .orElseGet(() -> hash(user.password())))
                .flatMap(
                        hash ->
                                users.insert(
                                        id,
                                        user.username(),
                                        user.displayName().strip(),
                                        user.partyId(),
                                        user.role(),
                                        hash))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e ->
                                Problems.conflict(
                                        "username-taken",
                                        "The username '" + user.username() + "' is already taken"))
                .then(users.find(id));
    }

    private Mono<UserView> change(Actor actor, UUID id, UserPatch patch) {
        if (patch.isEmpty()) {
            return Mono.error(
                    Problems.badRequest(
                            "The request changes nothing: send displayName, active, role, partyId or password"));
        }
        boolean self = id.equals(actor.userId());
        if (self
                && (Boolean.FALSE.equals(patch.active())
                        || (patch.role() != null && patch.role() != Role.ADMIN))) {
            return Mono.error(
                    Problems.conflict(
                            "self-lockout",
                            "An ADMIN cannot deactivate or demote their own account"));
        }
        boolean endSessions =
                Boolean.FALSE.equals(patch.active())
                        || patch.password() != null
                        || patch.partyId() != null;
        return passwordProblem(patch.password())
                .then(users.find(id))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("User " + id)))
                .flatMap(current -> placement(current, patch).thenReturn(current))
                .flatMap(
                        current ->
                                patch.password() == null ? Mono.just("") : hash(patch.password()))
                .flatMap(
                        hash ->
                                users.update(
                                                id,
                                                new UserRepository.Changes(
                                                        patch.displayName() == null
                                                                ? null
                                                                : patch.displayName().strip(),
                                                        patch.active(),
                                                        patch.role(),
                                                        patch.partyId(),
                                                        hash.isEmpty() ? null : hash,
                                                        // a password set for someone else is
                                                        // temporary: they choose their own next
                                                        hash.isEmpty() ? null : !self))
                                        .then(
                                                endSessions
                                                        ? refreshTokens
                                                                .revokeAllOf(id)
                                                                .then(sessions.endAllOf(id))
                                                        : Mono.empty())
                                        .as(tx::transactional))
                // this instance forgets the old state at once; the others hear it from the database
                // (V10)
                .then(Mono.fromRunnable(() -> currentUsers.forget(id)))
                .then(users.find(id));
    }

    /** The role (new or kept) must fit the party (new or kept): RolePlacement. */
    private Mono<Void> placement(UserView current, UserPatch patch) {
        if (patch.role() == null && patch.partyId() == null) {
            return Mono.empty();
        }
        Role role = patch.role() == null ? current.role() : patch.role();
        UUID party = patch.partyId() == null ? current.partyId() : patch.partyId();
        return users.partyKind(party)
                .switchIfEmpty(
                        Mono.error(
                                () ->
                                        Problems.invalidField(
                                                "partyId", "no party has the id " + party)))
                .flatMap(
                        kind ->
                                RolePlacement.violation(role, kind)
                                        .<Mono<Void>>map(
                                                why ->
                                                        Mono.error(
                                                                Problems.invalidField(
                                                                        patch.role() == null
                                                                                ? "partyId"
                                                                                : "role",
                                                                        why)))
                                        .orElseGet(Mono::empty));
    }

    private static Mono<Void> passwordProblem(String password) {
        if (password == null) {
            return Mono.empty();
        }
        return PasswordPolicy.violation(password)
                .<Mono<Void>>map(why -> Mono.error(Problems.invalidField("password", why)))
                .orElseGet(Mono::empty);
    }

    /** BCrypt is deliberately slow: hash off the event loop. */
    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
