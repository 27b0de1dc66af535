package jp.azukari.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.azukari.report.OverdueQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One day's reminders: records which assets became overdue and which fall due within the next days,
 * then hands them to the notifier. However many backend instances run it, a day runs once: the
 * instance whose row in {@code reminder_run} is inserted first does the work (a claim left
 * unfinished past {@code staleClaimAfter} may be taken over), and {@code reminder} is unique per
 * asset, day and kind. Each asset is reminded once per due date and kind; reminders a notifier
 * failed to deliver are delivered by the next run.
 */
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    /** {@code dueSoon} is read on every run: an administrator may change it (agency_setting). */
    public record Settings(java.util.function.IntSupplier dueSoon, Duration staleClaimAfter) {

        public Settings(int dueSoonDays, Duration staleClaimAfter) {
            this(() -> dueSoonDays, staleClaimAfter);
        }

        int dueSoonDays() {
            return dueSoon.getAsInt();
        }
    }

    /** What a call did: {@code ran} is false when another instance had the day already. */
    public record RunResult(
            LocalDate day,
            boolean ran,
            String instance,
            long overdue,
            long dueSoon,
            long delivered) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ReminderNotifier notifier;
    private final String instance;
    private final Settings settings;
    private final Clock clock;

    public ReminderJob(
            DatabaseClient db,
            TransactionalOperator tx,
            ReminderNotifier notifier,
            String instance,
            Settings settings,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.notifier = notifier;
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<RunResult> run(LocalDate day) {
        Instant now = clock.instant();
        return claim(day, now)
                .flatMap(
                        claimed -> {
                            if (!claimed) {
                                return Mono.just(new RunResult(day, false, instance, 0, 0, 0));
                            }
                            return tx.transactional(record(day, now))
                                    .flatMap(
                                            counts ->
                                                    deliver(day)
                                                            .flatMap(
                                                                    delivered ->
                                                                            finish(
                                                                                            day,
                                                                                            counts[
                                                                                                    0],
                                                                                            counts[
                                                                                                    1],
                                                                                            delivered)
                                                                                    .thenReturn(
                                                                                            new RunResult(
                                                                                                    day,
                                                                                                    true,
                                                                                                    instance,
                                                                                                    counts[
                                                                                                            0],
                                                                                                    counts[
                                                                                                            1],
                                                                                                    delivered))));
                        });
    }

    private Mono<Boolean> claim(LocalDate day, Instant now) {
        return db.sql(
                        """
                        INSERT INTO reminder_run (day, claimed_by, claimed_at) VALUES (:day, :me, :now)
                        ON CONFLICT (day) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
                         WHERE reminder_run.finished_at IS NULL AND reminder_run.claimed_at < :stale
                        RETURNING day""")
                .bind("day", day)
                .bind("me", instance)
                .bind("now", utc(now))
                .bind("stale", utc(now.minus(settings.staleClaimAfter())))
                .map(r -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Inserts the day's reminders; emits {overdue, dueSoon} counts. */
    private Mono<long[]> record(LocalDate day, Instant now) {
        Mono<Long> overdue =
                db.sql(
                                "INSERT INTO reminder (id, day, kind, asset_id, contract_id, holder_party_id, due_on, created_at)"
                                        + " SELECT gen_random_uuid(), :day, 'OVERDUE', o.asset_id, o.contract_id, o.holder_party_id, o.due_on, :now"
                                        + " FROM ("
                                        + OverdueQuery.rowsSql(
                                                new OverdueQuery.Filter(day, null, null))
                                        + ") o"
                                        + """
                         WHERE NOT EXISTS (SELECT 1 FROM reminder r WHERE r.asset_id = o.asset_id AND r.kind = 'OVERDUE'
                                                                     AND r.due_on = o.due_on)
                        ON CONFLICT ON CONSTRAINT reminder_once_per_asset_day_kind DO NOTHING""")
                        .bind("day", day)
                        .bind("as_of", day)
                        .bind("now", utc(now))
                        .fetch()
                        .rowsUpdated();
        Mono<Long> dueSoon =
                db.sql(
                                """
                        INSERT INTO reminder (id, day, kind, asset_id, contract_id, holder_party_id, due_on, created_at)
                        SELECT gen_random_uuid(), :day, 'DUE_SOON', a.id, a.contract_id, a.holder_party_id, a.due_on, :now
                          FROM asset a
                         WHERE a.custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')
                           AND a.due_on >= :day AND a.due_on <= :until
                           AND NOT EXISTS (SELECT 1 FROM reminder r WHERE r.asset_id = a.id AND r.kind = 'DUE_SOON'
                                                                      AND r.due_on = a.due_on)
                        ON CONFLICT ON CONSTRAINT reminder_once_per_asset_day_kind DO NOTHING""")
                        .bind("day", day)
                        .bind("until", day.plusDays(settings.dueSoonDays()))
                        .bind("now", utc(now))
                        .fetch()
                        .rowsUpdated();
        return overdue.flatMap(o -> dueSoon.map(d -> new long[] {o, d}));
    }

    /**
     * Hands every undelivered reminder up to this day to the notifier, then marks them delivered.
     */
    private Mono<Long> deliver(LocalDate day) {
        return db.sql(
                        """
                        SELECT r.id, r.kind, r.asset_id, r.due_on, a.tag, a.title, c.number, p.name AS holder_name
                          FROM reminder r
                          JOIN asset a ON a.id = r.asset_id
                          JOIN contract c ON c.id = r.contract_id
                          JOIN party p ON p.id = r.holder_party_id
                         WHERE r.delivered_at IS NULL AND r.day <= :day
                         ORDER BY r.kind DESC, c.number, p.name, r.due_on, a.tag""")
                .bind("day", day)
                .map(
                        r ->
                                new ReminderDigest.Item(
                                        r.get("id", UUID.class),
                                        r.get("kind", String.class),
                                        r.get("asset_id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("title", String.class),
                                        r.get("number", String.class),
                                        r.get("holder_name", String.class),
                                        r.get("due_on", LocalDate.class)))
                .all()
                .collectList()
                .flatMap(
                        items ->
                                items.isEmpty()
                                        ? Mono.just(0L)
                                        : notifier.deliver(new ReminderDigest(day, items))
                                                .then(markDelivered(items))
                                                .onErrorResume(
                                                        e -> {
                                                            log.warn(
                                                                    "Reminders of {} not delivered ({} waiting): {}",
                                                                    day,
                                                                    items.size(),
                                                                    e.toString());
                                                            return Mono.just(0L);
                                                        }));
    }

    private Mono<Long> markDelivered(List<ReminderDigest.Item> items) {
        return db.sql(
                        "UPDATE reminder SET delivered_at = :now WHERE id = ANY(:ids) AND delivered_at IS NULL")
                .bind("now", utc(clock.instant()))
                .bind(
                        "ids",
                        items.stream().map(ReminderDigest.Item::reminderId).toArray(UUID[]::new))
                .fetch()
                .rowsUpdated();
    }

    private Mono<Void> finish(LocalDate day, long overdue, long dueSoon, long delivered) {
        return db.sql(
                        """
                        UPDATE reminder_run SET finished_at = :now, overdue_count = :overdue, due_soon_count = :soon,
                                                delivered_count = :delivered
                         WHERE day = :day AND claimed_by = :me""")
                .bind("now", utc(clock.instant()))
                .bind("overdue", (int) overdue)
                .bind("soon", (int) dueSoon)
                .bind("delivered", (int) delivered)
                .bind("day", day)
                .bind("me", instance)
                .then();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
