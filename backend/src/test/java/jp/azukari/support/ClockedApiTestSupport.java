package jp.azukari.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Full-stack tests that set the application's clock. Every subclass shares one application context
 * (one clock, reminders not scheduled, a small certificate limit), so keep the configuration here
 * and nowhere else.
 *
 * <p>Access tokens expire by the same clock: after moving it, {@link #fresh} mints a new token for
 * a user.
 */
@Import(ClockedApiTestSupport.TestClock.class)
@TestPropertySource(
        properties = {
            "azukari.reminders.enabled=false",
            "azukari.disposal.certificate-max-size=64KB"
        })
public abstract class ClockedApiTestSupport extends ApiTestSupport {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** A clock a test sets; unset, it follows the system clock. */
    public static final class SettableClock extends Clock {

        private final AtomicReference<Instant> fixed = new AtomicReference<>();

        public void set(Instant instant) {
            fixed.set(instant);
        }

        /** 10:00 in Tokyo on that day. */
        public void setDay(LocalDate day) {
            set(day.atTime(LocalTime.of(10, 0)).atZone(TOKYO).toInstant());
        }

        public void reset() {
            fixed.set(null);
        }

        @Override
        public Instant instant() {
            Instant t = fixed.get();
            return t != null ? t : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired protected SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The same user with a token minted at the clock's current time. */
    public TestUser fresh(TestUser user) {
        return new TestUser(
                user.actor(), user.password(), accessTokens.issue(user.actor()).block());
    }
}
