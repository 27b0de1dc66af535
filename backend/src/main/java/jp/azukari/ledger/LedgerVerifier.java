package jp.azukari.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Recomputes every chain from its first event: sequence without gaps, each {@code prev_hash} equal to the hash
 * before it, each hash equal to SHA-256 of the canonical encoding, and the asset's recorded head equal to the
 * last event (so a deleted tail shows too). Names the first broken link of each broken chain.
 */
public class LedgerVerifier {

    static final int MAX_REPORTED = 100;

    private final DatabaseClient db;
    private final TransactionalOperator snapshot;

    /**
     * The events and the chain heads are read in one read-only REPEATABLE READ transaction, so both come from one
     * snapshot: read apart, a confirmation committed between the two reads showed as a head ahead of its chain — a
     * break that was not there (seen while confirmations ran).
     */
    public LedgerVerifier(DatabaseClient db, ReactiveTransactionManager tm) {
        this.db = db;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshot = TransactionalOperator.create(tm, definition);
    }

    public record BrokenLink(UUID assetId, String tag, int seq, String reason) {
    }

    public record Report(boolean verified, long assetsChecked, long eventsChecked, BrokenLink firstBrokenLink,
                         List<BrokenLink> brokenLinks) {
    }

    private static final class Walk {
        UUID asset;
        int lastSeq;
        byte[] lastHash = EventHashing.GENESIS;
        boolean broken;
        long assets;
        long events;
        final Map<UUID, Integer> lastSeqByAsset = new HashMap<>();
        final Map<UUID, byte[]> lastHashByAsset = new HashMap<>();
        final List<BrokenLink> broken_ = new ArrayList<>();

        void accept(LedgerEntry e) {
            events++;
            if (!e.assetId().equals(asset)) {
                asset = e.assetId();
                lastSeq = 0;
                lastHash = EventHashing.GENESIS;
                broken = false;
                assets++;
            }
            if (broken) {
                return;
            }
            String reason = null;
            if (e.seq() != lastSeq + 1) {
                reason = "sequence jumps from " + lastSeq + " to " + e.seq();
            } else if (!MessageDigest.isEqual(e.prevHash(), lastHash)) {
                reason = "prev_hash does not match the hash of event " + lastSeq;
            } else if (!MessageDigest.isEqual(EventHashing.hash(e), e.hash())) {
                reason = "hash does not match the event's content";
            }
            if (reason != null) {
                broken = true;
                broken_.add(new BrokenLink(e.assetId(), null, reason.startsWith("sequence") ? lastSeq + 1 : e.seq(), reason));
                return;
            }
            lastSeq = e.seq();
            lastHash = e.hash();
            lastSeqByAsset.put(asset, lastSeq);
            lastHashByAsset.put(asset, lastHash);
        }
    }

    /** Verifies every chain, or only those of one contract when {@code contractId} is given. */
    public Mono<Report> verify(UUID contractId) {
        return verify(contractId, (assets, events) -> { });
    }

    /** Progress of a verification: assets and events checked so far, told as the walk goes (often: keep it cheap). */
    public interface Progress {
        void checked(long assets, long events);
    }

    /** As {@link #verify(UUID)}, telling {@code progress} how far the walk has come. */
    public Mono<Report> verify(UUID contractId, Progress progress) {
        String where = contractId == null ? "" : " WHERE contract_id = :contract";
        var events = db.sql("SELECT * FROM custody_event" + where + " ORDER BY asset_id, seq");
        var heads = db.sql("SELECT id, tag, last_seq, last_hash FROM asset" + (contractId == null ? "" : " WHERE contract_id = :contract"));
        if (contractId != null) {
            events = events.bind("contract", contractId);
            heads = heads.bind("contract", contractId);
        }
        var walk = new Walk();
        var tags = new HashMap<UUID, String>();
        Mono<Void> read = events.map(Ledger::read).all()
                .doOnNext(e -> {
                    walk.accept(e);
                    progress.checked(walk.assets, walk.events);
                })
                .then(heads.map(row -> {
                    UUID id = row.get("id", UUID.class);
                    tags.put(id, row.get("tag", String.class));
                    return new Ledger.Head(id, row.get("last_seq", Integer.class), row.get("last_hash", byte[].class));
                }).all().doOnNext(head -> checkHead(walk, head)).then());
        return snapshot.transactional(read)
                .then(Mono.fromSupplier(() -> {
                    List<BrokenLink> named = walk.broken_.stream()
                            .map(b -> new BrokenLink(b.assetId(), tags.get(b.assetId()), b.seq(), b.reason()))
                            .sorted((a, b) -> a.assetId().compareTo(b.assetId()))
                            .toList();
                    return new Report(named.isEmpty(), walk.assets, walk.events, named.isEmpty() ? null : named.get(0),
                            named.size() > MAX_REPORTED ? named.subList(0, MAX_REPORTED) : named);
                }));
    }

    private static void checkHead(Walk walk, Ledger.Head head) {
        if (walk.broken_.stream().anyMatch(b -> b.assetId().equals(head.assetId()))) {
            return;
        }
        int seen = walk.lastSeqByAsset.getOrDefault(head.assetId(), 0);
        if (seen != head.lastSeq()) {
            walk.broken_.add(new BrokenLink(head.assetId(), null, seen + 1,
                    "the asset's chain head is at " + head.lastSeq() + " but the ledger ends at " + seen));
        } else if (seen > 0 && !MessageDigest.isEqual(walk.lastHashByAsset.get(head.assetId()), head.lastHash())) {
            walk.broken_.add(new BrokenLink(head.assetId(), null, seen,
                    "the asset's chain head hash " + HexFormat.of().formatHex(head.lastHash()) + " differs from the last event's"));
        }
    }
}
