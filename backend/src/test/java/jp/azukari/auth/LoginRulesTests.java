package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of slowing and locking, and the password policy: plain Java, no Spring, no
 * database.
 */
class LoginRulesTests {

    private final LoginThrottlePolicy policy =
            new LoginThrottlePolicy(
                    5,
                    Duration.ofMinutes(15),
                    Duration.ofMillis(200),
                    Duration.ofSeconds(2),
                    Duration.ofHours(24));

    @Test
    void the_first_attempt_waits_for_nothing_and_each_earlier_failure_adds_200_ms_up_to_2_s() {
        assertThat(policy.delayBefore(1)).isZero();
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBefore(11)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retry_after_rounds_up_to_whole_seconds_and_is_never_zero() {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");

        assertThat(LoginThrottlePolicy.retryAfterSeconds(now.plusMillis(14 * 60_000 + 1), now))
                .isEqualTo(841);
        assertThat(LoginThrottlePolicy.retryAfterSeconds(now.plusMillis(10), now)).isEqualTo(1);
        assertThat(LoginThrottlePolicy.retryAfterSeconds(now.minusSeconds(5), now)).isEqualTo(1);
    }

    @Test
    void a_policy_that_never_locks_is_refused() {
        assertThatThrownBy(
                        () ->
                                new LoginThrottlePolicy(
                                        0,
                                        Duration.ofMinutes(15),
                                        Duration.ZERO,
                                        Duration.ZERO,
                                        Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwords_need_twelve_characters_at_most_72_bytes_and_some_variety() {
        assertThat(PasswordPolicy.violation("correct horse battery")).isEmpty();
        assertThat(PasswordPolicy.violation("秘密のパスワードです十二文字")).isEmpty();
        assertThat(PasswordPolicy.violation("elevenchars"))
                .contains("must be at least 12 characters long");
        assertThat(PasswordPolicy.violation("")).contains("must not be empty");
        assertThat(PasswordPolicy.violation("            ")).contains("must not be only spaces");
        assertThat(PasswordPolicy.violation("abababababab"))
                .contains("must use at least 4 different characters");
        // 25 three-byte characters are 75 bytes: BCrypt would silently ignore the tail
        assertThat(PasswordPolicy.violation("あいうえおかきくけこさしすせそたちつてとなにぬねの"))
                .contains("must be at most 72 bytes in UTF-8");
    }
}
