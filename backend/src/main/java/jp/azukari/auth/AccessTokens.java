package jp.azukari.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import reactor.core.publisher.Mono;

/**
 * Short-lived signed access tokens (HS256). Unsigned ({@code alg: none}) or foreign-signed tokens
 * never parse.
 */
public class AccessTokens {

    static final String ISSUER = "azukari";

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * A token for a user whose token version is still the first one (0): a user never changed since
     * made.
     */
    public Mono<String> issue(Actor actor) {
        return issue(actor, 0L);
    }

    /**
     * A token for the actor at this token version ({@link CurrentUsers}): it works while the
     * version is current.
     */
    public Mono<String> issue(Actor actor, long tokenVersion) {
        return keys.current()
                .map(
                        key -> {
                            var now = clock.instant();
                            return Jwts.builder()
                                    .issuer(ISSUER)
                                    .subject(actor.userId().toString())
                                    .id(UUID.randomUUID().toString())
                                    .claim("name", actor.username())
                                    .claim("role", actor.role().name())
                                    .claim("party", actor.partyId().toString())
                                    .claim("ver", tokenVersion)
                                    .issuedAt(Date.from(now))
                                    .expiration(Date.from(now.plus(ttl)))
                                    .signWith(key, Jwts.SIG.HS256)
                                    .compact();
                        });
    }

    private record Parser(SecretKey key, JwtParser parser) {}

    private volatile Parser parser;

    /**
     * Building a parser looks up its JSON reader through the ServiceLoader: done once per key, not
     * per request.
     */
    private JwtParser parserFor(SecretKey key) {
        Parser p = parser;
        if (p == null || p.key() != key) {
            p =
                    new Parser(
                            key,
                            Jwts.parser()
                                    .verifyWith(key)
                                    .requireIssuer(ISSUER)
                                    .clock(() -> Date.from(clock.instant()))
                                    .build());
            parser = p;
        }
        return p.parser();
    }

    /** Whom a verified token names, and the token version it was issued at. */
    public record Subject(UUID userId, long tokenVersion) {}

    /** A token whose signature and claims were checked, kept until it expires. */
    private record Verified(SecretKey key, Actor actor, Subject subject, Instant expires) {}

    /**
     * At most this many verified tokens are remembered; beyond it the expired ones go, then all of
     * them.
     */
    static final int VERIFIED_MAX = 10_000;

    /**
     * A client sends the same token with every request for minutes: the signature check and JSON
     * parsing happen on its first use (measured: an eighth of the CPU of a small request), later
     * uses look it up here and only compare its expiry with the clock. Entries are tied to the
     * signing key they were checked with.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * The user and token version a token names, or an empty Mono when it is expired, forged,
     * unsigned or malformed. Whether that user may still act, and as what, is {@link CurrentUsers}'
     * answer, not the token's.
     */
    public Mono<Subject> subject(String token) {
        return verified(token).map(Verified::subject);
    }

    /**
     * What the token claimed about its actor when it was issued: for tests of the token itself,
     * never for access.
     */
    public Mono<Actor> verify(String token) {
        return verified(token).map(Verified::actor);
    }

    private Mono<Verified> verified(String token) {
        return keys.current()
                .flatMap(
                        key -> {
                            Instant now = clock.instant();
                            Verified known = verified.get(token);
                            if (known != null && known.key() == key) {
                                return now.isBefore(known.expires())
                                        ? Mono.just(known)
                                        : Mono.empty();
                            }
                            try {
                                Claims c = parserFor(key).parseSignedClaims(token).getPayload();
                                UUID userId = UUID.fromString(c.getSubject());
                                Actor actor =
                                        new Actor(
                                                userId,
                                                c.get("name", String.class),
                                                Role.valueOf(c.get("role", String.class)),
                                                UUID.fromString(c.get("party", String.class)));
                                Number version = c.get("ver", Number.class);
                                Verified v =
                                        new Verified(
                                                key,
                                                actor,
                                                new Subject(
                                                        userId,
                                                        version == null ? -1 : version.longValue()),
                                                c.getExpiration().toInstant());
                                remember(token, v, now);
                                return Mono.just(v);
                            } catch (JwtException
                                    | IllegalArgumentException
                                    | NullPointerException e) {
                                return Mono.empty();
                            }
                        });
    }

    private void remember(String token, Verified v, Instant now) {
        if (verified.size() >= VERIFIED_MAX) {
            verified.values().removeIf(e -> !now.isBefore(e.expires()));
            if (verified.size() >= VERIFIED_MAX) {
                verified.clear();
            }
        }
        verified.put(token, v);
    }
}
