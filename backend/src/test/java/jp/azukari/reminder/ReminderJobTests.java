package jp.azukari.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Acceptance 3: two backend instances run the daily job at the same moment; every reminder is
 * recorded and sent once.
 */
class ReminderJobTests extends ClockedApiTestSupport {

    static final LocalDate DUE = LocalDate.of(2032, 3, 31);

    @Autowired Environment env;

    /** A notifier that keeps what it was handed. */
    static final class Recording implements ReminderNotifier {
        final List<ReminderDigest.Item> delivered = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> deliver(ReminderDigest digest) {
            return Mono.fromRunnable(() -> delivered.addAll(digest.reminders()));
        }
    }

    @Test
    void two_instances_running_the_same_day_at_once_record_and_deliver_each_reminder_once() {
        clock.setDay(LocalDate.of(2032, 1, 10));
        var world = new CustodyWorld(this).withContract(LocalDate.of(2032, 1, 1), DUE);
        List<UUID> ids = world.registerAssets(4).stream().map(Asset::id).toList();
        world.issue(ids);

        Recording first = new Recording();
        Recording second = new Recording();
        ReminderJob one = job(db, first, "instance-1");
        ReminderJob two = job(instanceOwnPool(), second, "instance-2");

        // three days before: all four due soon
        LocalDate soonDay = DUE.minusDays(3);
        clock.setDay(soonDay);
        var soon =
                Mono.zip(
                                one.run(soonDay).subscribeOn(Schedulers.parallel()),
                                two.run(soonDay).subscribeOn(Schedulers.parallel()))
                        .block(Duration.ofSeconds(60));
        assertThat(List.of(soon.getT1().ran(), soon.getT2().ran()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(reminders(world, soonDay, "DUE_SOON"))
                .containsOnlyKeys(ids.toArray(UUID[]::new))
                .allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));

        // the day after the due date: all four newly overdue, again exactly once
        LocalDate overdueDay = DUE.plusDays(1);
        clock.setDay(overdueDay);
        var late =
                Mono.zip(
                                one.run(overdueDay).subscribeOn(Schedulers.parallel()),
                                two.run(overdueDay).subscribeOn(Schedulers.parallel()))
                        .block(Duration.ofSeconds(60));
        assertThat(List.of(late.getT1().ran(), late.getT2().ran()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(reminders(world, overdueDay, "OVERDUE"))
                .containsOnlyKeys(ids.toArray(UUID[]::new))
                .allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));

        // every reminder of this contract was handed to exactly one notifier, once
        List<UUID> mine = new java.util.ArrayList<>();
        first.delivered.stream()
                .filter(i -> ids.contains(i.assetId()))
                .forEach(i -> mine.add(i.reminderId()));
        second.delivered.stream()
                .filter(i -> ids.contains(i.assetId()))
                .forEach(i -> mine.add(i.reminderId()));
        assertThat(mine).hasSize(8).doesNotHaveDuplicates();

        // a later day does not repeat what was said: still overdue, but not newly
        LocalDate later = overdueDay.plusDays(1);
        clock.setDay(later);
        assertThat(one.run(later).block(Duration.ofSeconds(60)).ran()).isTrue();
        assertThat(reminders(world, later, "OVERDUE")).isEmpty();
        assertThat(one.run(later).block(Duration.ofSeconds(60)).ran()).isFalse();

        // and the API shows the day's reminders to a manager
        as(fresh(world.manager))
                .get()
                .uri("/api/v1/reminders?day={d}&contractId={c}", overdueDay, world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.run.finishedAt")
                .exists()
                .jsonPath("$.reminders.length()")
                .isEqualTo(4)
                .jsonPath("$.reminders[0].kind")
                .isEqualTo("OVERDUE")
                .jsonPath("$.reminders[0].deliveredAt")
                .exists();
        as(fresh(world.contractorCustodian))
                .get()
                .uri("/api/v1/reminders?day={d}", overdueDay)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private Map<UUID, Long> reminders(CustodyWorld world, LocalDate day, String kind) {
        return db.sql(
                        "SELECT asset_id, count(*) AS n FROM reminder WHERE contract_id = :c AND day = :d AND kind = :k GROUP BY asset_id")
                .bind("c", world.contractId)
                .bind("d", day)
                .bind("k", kind)
                .map(r -> Map.entry(r.get("asset_id", UUID.class), r.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
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

    /** The second instance has connections of its own, as another backend process would. */
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
