package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.junit.jupiter.api.Test;

/**
 * Access tokens are verified once and then remembered until they expire: remembering must never let
 * a token outlive its expiry, nor let a token signed with another key through.
 */
class VerifiedTokenMemoryTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final Actor clerk =
            new Actor(UUID.randomUUID(), "clerk-1", Role.CLERK, UUID.randomUUID());

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        AccessTokens tokens = new AccessTokens(keys(secret()), Duration.ofMinutes(15), clock);
        String token = tokens.issue(clerk).block();

        assertThat(tokens.verify(token).block()).isEqualTo(clerk);
        clock.advance(Duration.ofMinutes(14));
        assertThat(tokens.verify(token).block())
                .as("still valid, answered from memory")
                .isEqualTo(clerk);
        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.verify(token).block()).as("expired").isNull();
        assertThat(tokens.verify(token).block()).as("and stays refused").isNull();
    }

    @Test
    void a_token_remembered_under_one_key_is_not_accepted_by_an_installation_with_another() {
        AccessTokens signer = new AccessTokens(keys(secret()), Duration.ofMinutes(15), clock);
        String token = signer.issue(clerk).block();
        assertThat(signer.verify(token).block()).isEqualTo(clerk);

        AccessTokens other = new AccessTokens(keys(secret()), Duration.ofMinutes(15), clock);
        assertThat(other.verify(token).block()).isNull();
    }

    @Test
    void many_distinct_tokens_are_all_still_verified_correctly_beyond_the_memory_bound() {
        AccessTokens tokens = new AccessTokens(keys(secret()), Duration.ofMinutes(15), clock);
        String first = tokens.issue(clerk).block();
        assertThat(tokens.verify(first).block()).isEqualTo(clerk);
        for (int i = 0; i < AccessTokens.VERIFIED_MAX + 10; i++) {
            Actor someone =
                    new Actor(UUID.randomUUID(), "user-" + i, Role.CUSTODIAN, UUID.randomUUID());
            assertThat(tokens.verify(tokens.issue(someone).block()).block()).isEqualTo(someone);
        }
        assertThat(tokens.verify(first).block())
                .as("verified again after the memory was cleared")
                .isEqualTo(clerk);
        assertThat(tokens.verify(first + "x").block()).as("a changed signature").isNull();
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static SigningKeys keys(String secret) {
        return new SigningKeys(secret, null, new SecureRandom());
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
