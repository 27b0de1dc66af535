package jp.azukari.ledger;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.core.ledger.Chain;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

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

    /**
     * Events and chain heads come from one query, so from one snapshot: read apart, a confirmation
     * committed between two reads showed as a head ahead of its chain — a break that was not there
     * (seen while confirmations ran).
     */
    public LedgerVerifier(DatabaseClient db, ReactiveTransactionManager tm) {
        this.db = db;
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

    /**
     * Walks rows of (head, event) in asset then sequence order; an asset with no event comes as one
     * row of nulls.
     */
    private static final class Walk {
        Chain chain;
        int headSeq;
        byte[] headHash;
        long assets;
        long events;
        long brokenCount;
        final List<Chain.Break> broken = new ArrayList<>();

        void accept(Readable row) {
            UUID asset = row.get("head_id", UUID.class);
            if (chain == null || !chain.assetId().equals(asset)) {
                finish();
                chain = new Chain(asset);
                headSeq = row.get("last_seq", Integer.class);
                headHash = row.get("last_hash", byte[].class);
                assets++;
            }
            if (row.get("seq", Integer.class) != null) {
                events++;
                chain.append(Ledger.read(row).event());
            }
        }

        void finish() {
            if (chain == null) {
                return;
            }
            Chain.Break b = chain.against(headSeq, headHash, "the asset's chain head");
            if (b != null) {
                brokenCount++;
                if (broken.size() < MAX_REPORTED) {
                    broken.add(b);
                }
            }
            chain = null;
        }
    }

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

    /** As {@link #verify(UUID)}, telling {@code progress} how far the walk has come. */
    public Mono<Report> verify(UUID contractId, Progress progress) {
        var query =
                db.sql(
                        """
                SELECT a.id AS head_id, a.last_seq, a.last_hash, e.*
                  FROM asset a LEFT JOIN custody_event e ON e.asset_id = a.id
                """
                                + (contractId == null ? "" : " WHERE a.contract_id = :contract")
                                + " ORDER BY a.id, e.seq");
        if (contractId != null) {
            query = query.bind("contract", contractId);
        }
        var walk = new Walk();
        Mono<Void> read =
                query.filter(s -> s.fetchSize(FETCH))
                        .map(
                                row -> {
                                    walk.accept(row);
                                    progress.checked(walk.assets, walk.events);
                                    return 1;
                                })
                        .all()
                        .then(Mono.fromRunnable(walk::finish));
        return snapshot.transactional(read).then(Mono.defer(() -> named(walk)));
    }

    private Mono<Report> named(Walk walk) {
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
