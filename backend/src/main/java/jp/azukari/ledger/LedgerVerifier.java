package jp.azukari.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.azukari.core.ledger.Chain;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recomputes every chain from its first event with the core module's {@link Chain} (the rule the
 * offline verifier uses too): sequence without gaps, each {@code prev_hash} equal to the hash
 * before it, each hash equal to SHA-256 of the canonical encoding, and the asset's recorded head
 * equal to the last event (so a deleted tail shows too). Names the first broken link of each broken
 * chain.
 */
public class LedgerVerifier {

    static final int MAX_REPORTED = 100;
    static final int FETCH = 2000;

    private final DatabaseClient db;
    private final TransactionalOperator snapshot;
    private final LedgerSnapshot jdbc;

    /**
     * Events and chain heads come from one query, so from one snapshot: read apart, a confirmation
     * committed between two reads showed as a head ahead of its chain — a break that was not there
     * (seen while confirmations ran).
     */
    public LedgerVerifier(DatabaseClient db, ReactiveTransactionManager tm) {
        this(db, tm, null);
    }

    /** {@code jdbc}: the whole ledger's reads (null: everything through R2DBC). */
    public LedgerVerifier(DatabaseClient db, ReactiveTransactionManager tm, LedgerSnapshot jdbc) {
        this.db = db;
        this.jdbc = jdbc;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshot = TransactionalOperator.create(tm, definition);
    }

    public record BrokenLink(UUID assetId, String tag, int seq, String reason) {}

    public record Report(
            boolean verified,
            long assetsChecked,
            long eventsChecked,
            BrokenLink firstBrokenLink,
            List<BrokenLink> brokenLinks) {}

    /** Verifies every chain, or only those of one contract when {@code contractId} is given. */
    public Mono<Report> verify(UUID contractId) {
        return verify(contractId, (assets, events) -> {});
    }

    /**
     * Progress of a verification: assets and events checked so far, told as the walk goes (often:
     * keep it cheap).
     */
    public interface Progress {
        void checked(long assets, long events);
    }

    /**
     * As {@link #verify(UUID)}, telling {@code progress} how far the walk has come. The whole
     * ledger is read in plain JDBC on several connections in one exported snapshot ({@link
     * LedgerSnapshot}); one contract's chains through R2DBC, inside the caller's transaction when
     * there is one (the inspection bundle and the report read in one snapshot).
     */
    public Mono<Report> verify(UUID contractId, Progress progress) {
        if (contractId == null && jdbc != null) {
            return Mono.fromCallable(() -> everything(progress))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(this::named);
        }
        var query =
                db.sql(
                        "SELECT "
                                + ChainWalk.COLUMNS
                                + " FROM asset a LEFT JOIN custody_event e ON e.asset_id = a.id"
                                + (contractId == null ? "" : " WHERE a.contract_id = :contract")
                                + " ORDER BY a.id, e.seq");
        if (contractId != null) {
            query = query.bind("contract", contractId);
        }
        var walk = new ChainWalk();
        Mono<Void> read =
                query.filter(s -> s.fetchSize(FETCH))
                        .map(
                                row -> {
                                    Integer seq = row.get("seq", Integer.class);
                                    walk.accept(
                                            row.get("head_id", UUID.class),
                                            row.get("last_seq", Integer.class),
                                            row.get("last_hash", byte[].class),
                                            seq == null ? null : Ledger.read(row).event());
                                    progress.checked(walk.assets, walk.events);
                                    return 1;
                                })
                        .all()
                        .then(Mono.fromRunnable(walk::finish));
        return snapshot.transactional(read).then(Mono.defer(() -> named(walk)));
    }

    private static final String EVERYTHING =
            "SELECT "
                    + ChainWalk.COLUMNS
                    + " FROM asset a LEFT JOIN custody_event e ON e.asset_id = a.id"
                    + " WHERE a.id BETWEEN ? AND ? ORDER BY a.id, e.seq";

    private ChainWalk everything(Progress progress) {
        AtomicLong totalAssets = new AtomicLong();
        AtomicLong totalEvents = new AtomicLong();
        List<ChainWalk> parts =
                jdbc.partitioned(
                        EVERYTHING,
                        new Object[0],
                        partition ->
                                new ChainWalk() {
                                    @Override
                                    public ChainWalk result() {
                                        ChainWalk done = super.result();
                                        progress.checked(
                                                totalAssets.addAndGet(done.assets),
                                                totalEvents.addAndGet(done.events));
                                        return done;
                                    }
                                });
        ChainWalk all = new ChainWalk();
        parts.forEach(all::add);
        return all;
    }

    private Mono<Report> named(ChainWalk walk) {
        if (walk.broken.isEmpty()) {
            return Mono.just(new Report(true, walk.assets, walk.events, null, List.of()));
        }
        return tags(walk.broken.stream().map(Chain.Break::assetId).toList())
                .map(
                        tags -> {
                            List<BrokenLink> named =
                                    walk.broken.stream()
                                            .map(
                                                    b ->
                                                            new BrokenLink(
                                                                    b.assetId(),
                                                                    tags.get(b.assetId()),
                                                                    b.seq(),
                                                                    b.reason()))
                                            .toList();
                            return new Report(false, walk.assets, walk.events, named.get(0), named);
                        });
    }

    Mono<Map<UUID, String>> tags(List<UUID> ids) {
        return db.sql("SELECT id, tag FROM asset WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(r -> Map.entry(r.get("id", UUID.class), r.get("tag", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
