package jp.azukari.auth;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A user changes their own password: the current one is checked as a sign-in is (same throttle and
 * lockout, {@link TokenService#authenticate}), the new one follows the rules of user creation
 * ({@link PasswordPolicy}) and must differ from the current one. A change clears the "must change"
 * mark an administrator's reset left, and ends every other sign-in of the user: refresh tokens,
 * console sessions, and (through the token version, V10) access tokens, on every instance.
 */
class PasswordChanges {

    private final TokenService tokens;
    private final DatabaseClient db;
    private final RefreshTokens refreshTokens;
    private final ConsoleSessions sessions;
    private final CurrentUsers currentUsers;
    private final PasswordEncoder passwords;
    private final TransactionalOperator tx;

    PasswordChanges(
            TokenService tokens,
            DatabaseClient db,
            RefreshTokens refreshTokens,
            ConsoleSessions sessions,
            CurrentUsers currentUsers,
            PasswordEncoder passwords,
            TransactionalOperator tx) {
        this.tokens = tokens;
        this.db = db;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.currentUsers = currentUsers;
        this.passwords = passwords;
        this.tx = tx;
    }

    /** Changes the actor's password; {@code source} is the client's address (for the throttle). */
    Mono<Void> change(Actor actor, String current, String next, String source) {
        if (current == null || current.isEmpty()) {
            return Mono.error(Problems.invalidField("currentPassword", "must not be empty"));
        }
        var violation = PasswordPolicy.violation(next);
        if (violation.isPresent()) {
            return Mono.error(Problems.invalidField("newPassword", violation.get()));
        }
        if (next.equals(current)) {
            return Mono.error(
                    Problems.invalidField("newPassword", "must differ from the current password"));
        }
        UUID id = actor.userId();
        return tokens.authenticate(actor.username(), current, source)
                .onErrorMap(
                        e ->
                                e instanceof ProblemException p
                                        && "invalid-credentials".equals(p.slug()),
                        e ->
                                Problems.invalidField(
                                        "currentPassword", "is not your current password"))
                .filter(account -> account.actor().userId().equals(id))
                .switchIfEmpty(
                        Mono.error(
                                () ->
                                        Problems.invalidField(
                                                "currentPassword", "is not your current password")))
                .then(
                        Mono.fromCallable(() -> passwords.encode(next))
                                .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(
                        hash ->
                                db.sql(
                                                "UPDATE app_user SET password_hash = :hash, password_change_required = false"
                                                        + " WHERE id = :id AND active")
                                        .bind("hash", hash)
                                        .bind("id", id)
                                        .then()
                                        .then(refreshTokens.revokeAllOf(id))
                                        .then(sessions.endAllOf(id))
                                        .as(tx::transactional))
                .then(Mono.fromRunnable(() -> currentUsers.forget(id)));
    }
}
