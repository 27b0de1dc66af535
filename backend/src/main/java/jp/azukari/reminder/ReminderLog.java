package jp.azukari.reminder;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads what the daily job recorded: its runs and each day's reminders. */
public class ReminderLog {

    public record Run(
            LocalDate day,
            String claimedBy,
            Instant claimedAt,
            Instant finishedAt,
            Integer overdueCount,
            Integer dueSoonCount,
            Integer deliveredCount) {}

    public record Reminder(
            UUID id,
            LocalDate day,
            String kind,
            UUID assetId,
            String tag,
            String title,
            UUID contractId,
            String contractNumber,
            UUID holderPartyId,
            String holderName,
            LocalDate dueOn,
            Instant deliveredAt) {}

    public record Day(LocalDate day, Run run, List<Reminder> reminders) {}

    private final DatabaseClient db;

    public ReminderLog(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Run> runs(int limit) {
        return db.sql("SELECT * FROM reminder_run ORDER BY day DESC LIMIT :limit")
                .bind("limit", limit)
                .map(ReminderLog::run)
                .all();
    }

    public Mono<Day> day(LocalDate day, String kind, UUID contractId) {
        var reminders =
                db.sql(
                                """
                        SELECT r.*, a.tag, a.title, c.number AS contract_number, p.name AS holder_name
                          FROM reminder r JOIN asset a ON a.id = r.asset_id JOIN contract c ON c.id = r.contract_id
                          JOIN party p ON p.id = r.holder_party_id
                         WHERE r.day = :day AND (CAST(:kind AS text) IS NULL OR r.kind = :kind)
                           AND (CAST(:contract AS uuid) IS NULL OR r.contract_id = :contract)
                         ORDER BY r.kind DESC, c.number, p.name, r.due_on, a.tag""")
                        .bind("day", day);
        reminders = Binds.nullable(reminders, "kind", kind, String.class);
        reminders = Binds.nullable(reminders, "contract", contractId, UUID.class);
        var list = reminders.map(ReminderLog::reminder).all().collectList();
        var run =
                db.sql("SELECT * FROM reminder_run WHERE day = :day")
                        .bind("day", day)
                        .map(ReminderLog::run)
                        .one()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return run.zipWith(list, (r, l) -> new Day(day, r.orElse(null), l));
    }

    private static Run run(Readable r) {
        return new Run(
                r.get("day", LocalDate.class),
                r.get("claimed_by", String.class),
                instant(r, "claimed_at"),
                instant(r, "finished_at"),
                r.get("overdue_count", Integer.class),
                r.get("due_soon_count", Integer.class),
                r.get("delivered_count", Integer.class));
    }

    private static Reminder reminder(Readable r) {
        return new Reminder(
                r.get("id", UUID.class),
                r.get("day", LocalDate.class),
                r.get("kind", String.class),
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("title", String.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("holder_party_id", UUID.class),
                r.get("holder_name", String.class),
                r.get("due_on", LocalDate.class),
                instant(r, "delivered_at"));
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
