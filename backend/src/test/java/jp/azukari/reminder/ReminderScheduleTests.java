package jp.azukari.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Issue 10, "the daily reminder job actually runs every day": two instances' schedulers, driven by
 * Spring's own {@code @Scheduled} machinery (which calls a reactive method once and subscribes to
 * its answer on every tick), tick every 50 ms while the test moves the clock across three days and
 * through the configured time (07:00 in Tokyo). Each day runs exactly once, after 07:00 and never
 * before.
 */
class ReminderScheduleTests extends ClockedApiTestSupport {

    static final LocalDate FIRST = LocalDate.of(2041, 3, 1);

    @Autowired Environment env;

    @Autowired AgencyTimeZone zone;

    static final class Recording implements ReminderNotifier {
        final List<ReminderDigest.Item> delivered = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> deliver(ReminderDigest digest) {
            return Mono.fromRunnable(() -> delivered.addAll(digest.reminders()));
        }
    }

    @Test
    void
            two_instances_run_the_reminders_once_per_day_for_three_days_each_after_the_configured_time()
                    throws Exception {
        clock.set(at(FIRST.minusDays(20), 10, 0));
        var world = new CustodyWorld(this).withContract(FIRST.minusDays(30), FIRST.plusDays(5));
        UUID asset = world.registerAssets(1).get(0).id();
        world.issue(List.of(asset));

        // the instances start on the first day before the configured time
        clock.set(at(FIRST, 6, 30));
        Recording first = new Recording();
        Recording second = new Recording();
        ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
        tasks.setPoolSize(2);
        tasks.initialize();
        try {
            schedule(
                    tasks,
                    new ReminderScheduler(
                            job(db, first, "instance-1"), LocalTime.of(7, 0), clock, zone));
            schedule(
                    tasks,
                    new ReminderScheduler(
                            job(instanceOwnPool(), second, "instance-2"),
                            LocalTime.of(7, 0),
                            clock,
                            zone));

            for (int d = 0; d < 3; d++) {
                LocalDate day = FIRST.plusDays(d);
                clock.set(at(day, 6, 59));
                Thread.sleep(400);
                assertThat(finishedRuns(day)).as(day + " before 07:00").isZero();

                clock.set(at(day, 7, 0).plusSeconds(30 + d * 3600L));
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (finishedRuns(day) == 0 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertThat(finishedRuns(day)).as(day + " after 07:00").isEqualTo(1);
                Thread.sleep(300);
                assertThat(claimedBy(day))
                        .as(day + " run by one of the two instances")
                        .isIn("instance-1", "instance-2");
            }
            // the asset's reminder (due soon) was handed over once, by one instance, not once per
            // tick or per instance
            List<UUID> handed =
                    List.of(first, second).stream()
                            .flatMap(r -> r.delivered.stream())
                            .filter(i -> i.assetId().equals(asset))
                            .map(ReminderDigest.Item::reminderId)
                            .toList();
            assertThat(handed).hasSize(1);
        } finally {
            tasks.shutdown();
        }
    }

    /**
     * Registers the scheduler's {@code @Scheduled} method the way the application context does,
     * ticking every 50 ms.
     */
    private static void schedule(ThreadPoolTaskScheduler tasks, ReminderScheduler scheduler) {
        ScheduledAnnotationBeanPostProcessor processor = new ScheduledAnnotationBeanPostProcessor();
        processor.setScheduler(tasks);
        processor.setEmbeddedValueResolver(
                value ->
                        value.contains("check-every")
                                ? "PT0.05S"
                                : value.contains("initial-delay") ? "PT0S" : value);
        processor.postProcessAfterInitialization(scheduler, "reminderScheduler");
        processor.afterSingletonsInstantiated();
    }

    private String claimedBy(LocalDate day) {
        return db.sql("SELECT claimed_by FROM reminder_run WHERE day = :d")
                .bind("d", day)
                .map(r -> r.get("claimed_by", String.class))
                .one()
                .block();
    }

    private long finishedRuns(LocalDate day) {
        return db.sql(
                        "SELECT count(*) AS n FROM reminder_run WHERE day = :d AND finished_at IS NOT NULL")
                .bind("d", day)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private java.time.Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TOKYO).toInstant();
    }

    private ReminderJob job(DatabaseClient client, ReminderNotifier notifier, String name) {
        var tx =
                TransactionalOperator.create(
                        new R2dbcTransactionManager(client.getConnectionFactory()));
        return new ReminderJob(
                client,
                tx,
                notifier,
                name,
                new ReminderJob.Settings(7, Duration.ofMinutes(30)),
                clock);
    }

    private DatabaseClient instanceOwnPool() {
        ConnectionFactory cf =
                ConnectionFactories.get(
                        ConnectionFactoryOptions.parse(env.getProperty("spring.r2dbc.url"))
                                .mutate()
                                .option(
                                        ConnectionFactoryOptions.USER,
                                        env.getProperty("spring.r2dbc.username"))
                                .option(
                                        ConnectionFactoryOptions.PASSWORD,
                                        env.getProperty("spring.r2dbc.password", ""))
                                .build());
        return DatabaseClient.create(cf);
    }
}
