package jp.azukari.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Label guessing leaves evidence and is rate-limited (docs/labels.md): every forged, foreign or
 * malformed label presented to {@code /labels/resolve} or {@code /scans} is an {@code evidence} row
 * (who, when, device, endpoint, what was presented), and a user with {@code limit} such rows within
 * {@code window} gets 429 with {@code Retry-After} from both endpoints, on every instance, until
 * the oldest of them leaves the window.
 *
 * <p>The count is the database's, so instances agree; each instance remembers a user's count for
 * {@link #RECHECK} and adds what it records itself, so a user who presents good labels costs one
 * count query a second, not one per request. Another instance's rows are therefore seen within a
 * second (a burst spread over instances may overshoot the limit by that much, never more).
 */
public class LabelGuessing {

    static final Duration RECHECK = Duration.ofSeconds(1);

    /** One bad label presented. */
    public record Bad(ScanResultCode code, String presented) {}

    private record Count(long bad, long checkedAtNanos) {}

    private final DatabaseClient db;
    private final EvidenceLog log;
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<UUID, Count> counts = new ConcurrentHashMap<>();

    public LabelGuessing(
            DatabaseClient db, EvidenceLog log, Clock clock, int limit, Duration window) {
        this.db = db;
        this.log = log;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /**
     * Completes when the user may present labels now, else errors with 429 and {@code Retry-After}.
     */
    public Mono<Void> admit(Actor actor) {
        Count c = counts.get(actor.userId());
        if (c != null
                && c.bad() < limit
                && System.nanoTime() - c.checkedAtNanos() < RECHECK.toNanos()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return db.sql(
                        """
                        SELECT count(*) AS n, min(occurred_at) AS oldest FROM (
                          SELECT occurred_at FROM evidence
                           WHERE user_id = :user AND kind IN ('LABEL_FORGED', 'LABEL_FOREIGN', 'LABEL_MALFORMED')
                             AND occurred_at > :since
                           ORDER BY occurred_at DESC LIMIT :limit) AS recent""")
                .bind("user", actor.userId())
                .bind("since", now.minus(window))
                .bind("limit", limit)
                .map(r -> new Object[] {r.get("n", Long.class), r.get("oldest", Instant.class)})
                .one()
                .flatMap(
                        r -> {
                            long n = (Long) r[0];
                            counts.put(actor.userId(), new Count(n, System.nanoTime()));
                            if (n < limit) {
                                return Mono.empty();
                            }
                            long seconds =
                                    Math.max(
                                            1,
                                            Duration.between(now, ((Instant) r[1]).plus(window))
                                                            .toSeconds()
                                                    + 1);
                            return Mono.error(limited(seconds));
                        });
    }

    /** Records the bad labels one request presented. */
    public Mono<Void> record(Actor actor, String endpoint, String deviceId, List<Bad> bad) {
        if (bad.isEmpty()) {
            return Mono.empty();
        }
        List<EvidenceLog.Entry> entries =
                bad.stream()
                        .map(
                                b ->
                                        new EvidenceLog.Entry(
                                                kind(b.code()),
                                                endpoint,
                                                deviceId,
                                                b.presented(),
                                                null,
                                                null,
                                                null))
                        .toList();
        return log.record(actor, entries)
                .doOnSuccess(
                        v ->
                                counts.computeIfPresent(
                                        actor.userId(),
                                        (id, c) ->
                                                new Count(
                                                        c.bad() + bad.size(), c.checkedAtNanos())));
    }

    /** Whether this classification is one that leaves evidence. */
    public static boolean isBad(ScanResultCode code) {
        return code == ScanResultCode.LABEL_FORGED
                || code == ScanResultCode.LABEL_FOREIGN
                || code == ScanResultCode.LABEL_MALFORMED;
    }

    private static EvidenceLog.Kind kind(ScanResultCode code) {
        return switch (code) {
            case LABEL_FORGED -> EvidenceLog.Kind.LABEL_FORGED;
            case LABEL_FOREIGN -> EvidenceLog.Kind.LABEL_FOREIGN;
            default -> EvidenceLog.Kind.LABEL_MALFORMED;
        };
    }

    private ProblemException limited(long retryAfterSeconds) {
        return Problems.exception(
                        ProblemKind.TOO_MANY_REQUESTS,
                        "label-guessing-limited",
                        "Too many bad labels",
                        "You presented "
                                + limit
                                + " forged, foreign or malformed labels within "
                                + window.toMinutes()
                                + " minutes; labels are refused for "
                                + retryAfterSeconds
                                + " s (recorded as evidence)")
                .with(ProblemException.RETRY_AFTER, retryAfterSeconds)
                .with("code", "LABEL_GUESSING_LIMITED");
    }
}
