package jp.azukari.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ledger verifications started by a person (the auditor's page): each run is a row whose progress
 * the working instance writes every {@code beat}, and whose result — verified, or the first broken
 * link of each broken chain — is stored when it ends, so any instance shows it. A run whose
 * heartbeat stopped (its instance went away) shows as interrupted.
 */
public class VerificationRuns {

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);

    private final DatabaseClient db;
    private final LedgerVerifier verifier;
    private final Clock clock;
    private final Duration beat;

    public VerificationRuns(
            DatabaseClient db, LedgerVerifier verifier, Clock clock, Duration beat) {
        this.db = db;
        this.verifier = verifier;
        this.clock = clock;
        this.beat = beat;
    }

    public enum Status {
        RUNNING,
        VERIFIED,
        BROKEN,
        FAILED,
        INTERRUPTED
    }

    public record Break(UUID assetId, String tag, int seq, String reason) {}

    public record Run(
            UUID id,
            UUID contractId,
            UUID startedBy,
            String startedByName,
            OffsetDateTime startedAt,
            Status status,
            long assetsTotal,
            long assetsChecked,
            long eventsChecked,
            OffsetDateTime finishedAt,
            String failure,
            List<Break> breaks) {

        /** Percent of assets checked, 0–100. */
        public int percent() {
            return assetsTotal == 0
                    ? (status == Status.RUNNING ? 0 : 100)
                    : (int) Math.min(100, assetsChecked * 100 / assetsTotal);
        }

        public boolean running() {
            return status == Status.RUNNING;
        }
    }

    /**
     * Starts a verification of every chain (or one contract's) and answers its id at once; the walk
     * goes on alone.
     */
    public Mono<UUID> start(Actor actor, UUID contractId) {
        UUID id = UUID.randomUUID();
        var total =
                db.sql(
                        "SELECT count(*) AS n FROM asset"
                                + (contractId == null ? "" : " WHERE contract_id = :contract"));
        if (contractId != null) {
            total = total.bind("contract", contractId);
        }
        var counted = total;
        return allowed(actor)
                .then(counted.map(r -> r.get("n", Long.class)).one())
                .flatMap(
                        n -> {
                            var insert =
                                    db.sql(
                                                    """
                                    INSERT INTO ledger_verification (id, contract_id, started_by, started_at, assets_total, heartbeat_at)
                                    VALUES (:id, :contract, :by, :at, :total, :at)""")
                                            .bind("id", id)
                                            .bind("by", actor.userId())
                                            .bind("at", now())
                                            .bind("total", n);
                            return Binds.nullable(insert, "contract", contractId, UUID.class)
                                    .then();
                        })
                .doOnSuccess(v -> walk(id, contractId))
                .thenReturn(id);
    }

    private void walk(UUID id, UUID contractId) {
        AtomicLongArray progress = new AtomicLongArray(2);
        Mono<LedgerVerifier.Report> report =
                verifier.verify(
                                contractId,
                                (assets, events) -> {
                                    progress.lazySet(0, assets);
                                    progress.lazySet(1, events);
                                })
                        .cache();
        Flux<Long> heartbeat =
                Flux.interval(beat)
                        .concatMap(
                                i ->
                                        db.sql(
                                                        """
                        UPDATE ledger_verification SET assets_checked = :assets, events_checked = :events, heartbeat_at = :at
                         WHERE id = :id AND status = 'RUNNING'""")
                                                .bind("assets", progress.get(0))
                                                .bind("events", progress.get(1))
                                                .bind("at", now())
                                                .bind("id", id)
                                                .fetch()
                                                .rowsUpdated());
        heartbeat
                .takeUntilOther(report.onErrorComplete())
                .subscribe(
                        n -> {}, e -> log.warn("verification {} heartbeat: {}", id, e.toString()));
        report.flatMap(r -> finish(id, r))
                .onErrorResume(e -> fail(id, e))
                .subscribe(
                        v -> {},
                        e -> log.error("verification {} could not store its result", id, e));
    }

    private Mono<Void> finish(UUID id, LedgerVerifier.Report r) {
        Mono<Void> breaks =
                Flux.fromIterable(r.brokenLinks())
                        .concatMap(
                                b ->
                                        db.sql(
                                                        """
                                INSERT INTO ledger_verification_break (verification_id, asset_id, tag, seq, reason)
                                VALUES (:id, :asset, :tag, :seq, :reason)""")
                                                .bind("id", id)
                                                .bind("asset", b.assetId())
                                                .bind("tag", b.tag() == null ? "" : b.tag())
                                                .bind("seq", b.seq())
                                                .bind("reason", b.reason())
                                                .then())
                        .then();
        return breaks.then(
                db.sql(
                                """
                        UPDATE ledger_verification SET status = :status, assets_checked = :assets, events_checked = :events,
                               heartbeat_at = :at, finished_at = :at WHERE id = :id""")
                        .bind("status", r.verified() ? "VERIFIED" : "BROKEN")
                        .bind("assets", r.assetsChecked())
                        .bind("events", r.eventsChecked())
                        .bind("at", now())
                        .bind("id", id)
                        .then());
    }

    private Mono<Void> fail(UUID id, Throwable e) {
        log.error("ledger verification {} failed", id, e);
        return db.sql(
                        "UPDATE ledger_verification SET status = 'FAILED', failure = :why, heartbeat_at = :at, finished_at = :at WHERE id = :id")
                .bind("why", String.valueOf(e.getMessage()))
                .bind("at", now())
                .bind("id", id)
                .then();
    }

    public Mono<Run> find(Actor actor, UUID id) {
        return allowed(actor)
                .then(db.sql(SELECT + " WHERE v.id = :id").bind("id", id).map(this::read).one())
                .switchIfEmpty(Mono.error(Problems.notFound("Verification " + id)))
                .flatMap(
                        run ->
                                db.sql(
                                                "SELECT asset_id, tag, seq, reason FROM ledger_verification_break"
                                                        + " WHERE verification_id = :id ORDER BY tag, asset_id")
                                        .bind("id", id)
                                        .map(
                                                r ->
                                                        new Break(
                                                                r.get("asset_id", UUID.class),
                                                                r.get("tag", String.class),
                                                                r.get("seq", Integer.class),
                                                                r.get("reason", String.class)))
                                        .all()
                                        .collectList()
                                        .map(
                                                b ->
                                                        new Run(
                                                                run.id(),
                                                                run.contractId(),
                                                                run.startedBy(),
                                                                run.startedByName(),
                                                                run.startedAt(),
                                                                run.status(),
                                                                run.assetsTotal(),
                                                                run.assetsChecked(),
                                                                run.eventsChecked(),
                                                                run.finishedAt(),
                                                                run.failure(),
                                                                b)));
    }

    /** The latest runs, newest first, without their breaks. */
    public Flux<Run> recent(Actor actor, int limit) {
        return allowed(actor)
                .thenMany(
                        db.sql(SELECT + " ORDER BY v.started_at DESC LIMIT :limit")
                                .bind("limit", limit)
                                .map(this::read)
                                .all());
    }

    private static final String SELECT =
            """
            SELECT v.*, u.display_name AS started_by_name FROM ledger_verification v JOIN app_user u ON u.id = v.started_by""";

    private Run read(io.r2dbc.spi.Readable r) {
        Status status = Status.valueOf(r.get("status", String.class));
        OffsetDateTime heartbeat = r.get("heartbeat_at", OffsetDateTime.class);
        if (status == Status.RUNNING
                && heartbeat.isBefore(now().minus(beat.multipliedBy(10)).minusSeconds(10))) {
            status = Status.INTERRUPTED;
        }
        return new Run(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("started_by", UUID.class),
                r.get("started_by_name", String.class),
                r.get("started_at", OffsetDateTime.class),
                status,
                r.get("assets_total", Long.class),
                r.get("assets_checked", Long.class),
                r.get("events_checked", Long.class),
                r.get("finished_at", OffsetDateTime.class),
                r.get("failure", String.class),
                List.of());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Mono<Void> allowed(Actor actor) {
        return Access.require(actor, "verify the ledger", Role.AUDITOR, Role.MANAGER);
    }
}
