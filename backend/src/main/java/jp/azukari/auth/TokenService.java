package jp.azukari.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Signing in, refreshing and signing out: the three uses of {@code /api/v1/auth}. */
class TokenService {

    /** What a successful sign-in or refresh hands the client. */
    /**
     * What a successful sign-in or refresh hands the client; {@code passwordChangeRequired} says an
     * administrator set the password and only {@code POST /api/v1/account/password} works until the
     * user has chosen their own (every other call answers 403, code PASSWORD_CHANGE_REQUIRED).
     */
    record TokenPair(
            String accessToken,
            String refreshToken,
            String tokenType,
            long expiresIn,
            boolean passwordChangeRequired) {}

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final LoginThrottlePolicy policy;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final CurrentUsers currentUsers;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String decoyPassword;
    private final String decoyHash;

    TokenService(
            Accounts accounts,
            LoginThrottle throttle,
            LoginThrottlePolicy policy,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            CurrentUsers currentUsers,
            PasswordEncoder passwords,
            Clock clock,
            SecureRandom random) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.policy = policy;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.currentUsers = currentUsers;
        this.passwords = passwords;
        this.clock = clock;
        // checked instead of a real hash when the user is unknown, so both cases cost one BCrypt
        // verification
        this.decoyPassword =
                Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        this.decoyHash = passwords.encode(decoyPassword + "-never");
    }

    /**
     * Signing in from {@code source} (the client's address): failures count per username and
     * source.
     */
    Mono<TokenPair> signIn(String rawUsername, String password, String source) {
        return authenticate(rawUsername, password, source)
                .flatMap(
                        account ->
                                refreshTokens
                                        .forgetExpired(account.actor().userId())
                                        .then(
                                                pair(
                                                        account,
                                                        refreshTokens.start(
                                                                account.actor().userId()))));
    }

    /**
     * The active user behind these credentials, through the login throttle and lockout (per
     * username and source): the one check both the token API and the console's sign-in form use.
     * Errors as 401 invalid-credentials or 429 sign-in-locked.
     */
    Mono<Accounts.Account> authenticate(String rawUsername, String password, String source) {
        String username = rawUsername.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return throttle.admit(username, source, now)
                .switchIfEmpty(Mono.defer(() -> lockedOut(username, source, now)))
                .flatMap(
                        attempt ->
                                Mono.delay(policy.delayBefore(attempt.accountFailures()))
                                        .then(verify(username, password)))
                .flatMap(account -> throttle.clear(username, source, now).thenReturn(account));
    }

    /**
     * A new sign-in for this active user (after they changed their password), as from the token
     * endpoint.
     */
    Mono<TokenPair> signInAgain(java.util.UUID userId) {
        return accounts.active(userId)
                .flatMap(account -> pair(account, refreshTokens.start(userId)));
    }

    Mono<TokenPair> refresh(String refreshToken) {
        return refreshTokens
                .spend(refreshToken)
                .switchIfEmpty(
                        Mono.defer(
                                () ->
                                        refreshTokens
                                                .rejection(refreshToken)
                                                .flatMap(
                                                        rejection ->
                                                                Mono.error(
                                                                        refreshRefused(
                                                                                rejection)))))
                .flatMap(
                        spent ->
                                accounts.active(spent.userId())
                                        .switchIfEmpty(
                                                Mono.defer(
                                                        () ->
                                                                refreshTokens
                                                                        .revokeFamily(
                                                                                spent.familyId())
                                                                        .then(
                                                                                Mono.error(
                                                                                        refreshRefused(
                                                                                                RefreshTokens
                                                                                                        .Rejection
                                                                                                        .EXPIRED_OR_REVOKED)))))
                                        .flatMap(
                                                account ->
                                                        pair(
                                                                account,
                                                                refreshTokens.issue(
                                                                        spent.userId(),
                                                                        spent.familyId()))));
    }

    Mono<Void> signOut(String refreshToken) {
        return refreshTokens.signOut(refreshToken).doOnNext(currentUsers::forget).then();
    }

    /**
     * The actor behind these credentials, or an invalid-credentials error that looks the same for
     * every cause.
     */
    private Mono<Accounts.Account> verify(String username, String password) {
        return accounts.byUsername(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // BCrypt is deliberately slow: keep it off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(found -> check(found, password))
                .flatMap(
                        actor ->
                                actor.map(Mono::just)
                                        .orElseGet(() -> Mono.error(invalidCredentials())));
    }

    private Optional<Accounts.Account> check(Optional<Accounts.Account> found, String password) {
        if (found.isEmpty() || !PasswordPolicy.fitsBcrypt(password)) {
            passwords.matches(decoyPassword, decoyHash);
            return Optional.empty();
        }
        Accounts.Account account = found.get();
        boolean matches = passwords.matches(password, account.passwordHash());
        return matches && account.active() ? Optional.of(account) : Optional.empty();
    }

    private Mono<LoginThrottle.Admitted> lockedOut(String username, String source, Instant now) {
        return throttle.lockedUntil(username, source, now)
                .map(until -> LoginThrottlePolicy.retryAfterSeconds(until, now))
                .defaultIfEmpty(1L)
                .flatMap(seconds -> Mono.error(locked(seconds)));
    }

    private Mono<TokenPair> pair(Accounts.Account account, Mono<RefreshTokens.Issued> refresh) {
        return Mono.zip(accessTokens.issue(account.actor(), account.tokenVersion()), refresh)
                .map(
                        t ->
                                new TokenPair(
                                        t.getT1(),
                                        t.getT2().token(),
                                        "Bearer",
                                        accessTokens.ttl().toSeconds(),
                                        account.passwordChangeRequired()));
    }

    private static ProblemException invalidCredentials() {
        return Problems.exception(
                ProblemKind.UNAUTHORIZED,
                "invalid-credentials",
                "Invalid credentials",
                "The username or password is incorrect");
    }

    private ProblemException locked(long retryAfterSeconds) {
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        return Problems.exception(
                        ProblemKind.TOO_MANY_REQUESTS,
                        "sign-in-locked",
                        "Too many failed sign-ins",
                        "Sign-in for this username from your address is locked after "
                                + policy.maxFailures()
                                + " failed attempts; try again in "
                                + minutes
                                + (minutes == 1 ? " minute" : " minutes"))
                .with(ProblemException.RETRY_AFTER, retryAfterSeconds);
    }

    private static ProblemException refreshRefused(RefreshTokens.Rejection rejection) {
        String detail =
                switch (rejection) {
                    case REUSED ->
                            "The refresh token was already used; every token of this sign-in has been revoked. Sign in again";
                    case EXPIRED_OR_REVOKED ->
                            "The refresh token has expired or was revoked; sign in again";
                    case UNKNOWN -> "The refresh token is not valid; sign in again";
                };
        return Problems.exception(
                ProblemKind.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
}
