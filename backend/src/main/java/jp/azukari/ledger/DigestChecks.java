package jp.azukari.ledger;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.ledger.Chain;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.LedgerEvent;
import jp.azukari.core.ledger.MerkleTree;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks one of our digests against the live ledger (docs/ledger.md): every chain it covered must
 * still hold exactly those events up to its head then (chains may have grown since; none may have
 * changed). Reads the events in plain JDBC, by asset id range on several connections in one
 * snapshot ({@link LedgerSnapshot}), each range merged with the digest's leaves of that range.
 */
final class DigestChecks {

    private final LedgerSnapshot jdbc;
    private final LedgerVerifier verifier;

    DigestChecks(LedgerSnapshot jdbc, LedgerVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    private static final String EVENTS =
            "SELECT "
                    + ChainWalk.EVENT_COLUMNS
                    + " FROM custody_event e WHERE e.asset_id BETWEEN ? AND ?";

    Mono<DigestService.Verification> check(Digest d, DigestLeaves leaves) {
        if (!MessageDigest.isEqual(MerkleTree.root(leaves.leafHashes()), d.root())) {
            return Mono.error(
                    new IllegalStateException(
                            "the kept leaves of digest " + d.id() + " do not make its root"));
        }
        String scope =
                d.scope().startsWith("CONTRACT:")
                        ? d.scope().substring("CONTRACT:".length())
                        : null;
        String sql =
                EVENTS
                        + (scope == null ? "" : " AND e.contract_id = ?")
                        + " ORDER BY e.asset_id, e.seq";
        Object[] extra = scope == null ? new Object[0] : new Object[] {UUID.fromString(scope)};
        return Mono.fromCallable(
                        () -> {
                            List<LeafWalk> parts =
                                    jdbc.partitioned(sql, extra, p -> range(leaves, p));
                            LeafWalk all = new LeafWalk(leaves, 0, 0);
                            parts.forEach(all::add);
                            return all;
                        })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(walk -> named(d, walk));
    }

    /** A walk over the digest's leaves in partition {@code p}'s asset id range. */
    private static LeafWalk range(DigestLeaves leaves, int p) {
        return new LeafWalk(
                leaves,
                firstAtOrAfter(leaves, LedgerSnapshot.bound(p, false)),
                p == LedgerSnapshot.PARTITIONS - 1
                        ? leaves.count()
                        : firstAtOrAfter(leaves, LedgerSnapshot.bound(p + 1, false)));
    }

    private static int firstAtOrAfter(DigestLeaves leaves, UUID id) {
        int lo = 0;
        int hi = leaves.count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ChainHead.ORDER.compare(leaves.assetId(mid), id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Mono<DigestService.Verification> named(Digest d, LeafWalk walk) {
        if (walk.broken.isEmpty()) {
            return Mono.just(
                    new DigestService.Verification(
                            true,
                            d.id(),
                            d.fingerprint(),
                            walk.chains,
                            walk.events,
                            null,
                            List.of()));
        }
        return verifier.tags(walk.broken.stream().map(Chain.Break::assetId).toList())
                .map(
                        tags -> {
                            var named =
                                    walk.broken.stream()
                                            .map(
                                                    b ->
                                                            new DigestService.Verification
                                                                    .Rewritten(
                                                                    b.assetId(),
                                                                    tags.get(b.assetId()),
                                                                    b.seq(),
                                                                    b.reason()))
                                            .toList();
                            return new DigestService.Verification(
                                    false,
                                    d.id(),
                                    d.fingerprint(),
                                    walk.chains,
                                    walk.events,
                                    named.get(0),
                                    named);
                        });
    }

    /**
     * Merges the live events of one asset id range (asset, seq order) with the digest's leaves of
     * that range (the same order).
     */
    static final class LeafWalk implements LedgerSnapshot.Partition<LeafWalk> {
        final DigestLeaves leaves;
        final int end;
        final List<Chain.Break> broken = new ArrayList<>();
        int next;
        Chain chain;
        ChainHead leaf;
        long chains;
        long events;

        LeafWalk(DigestLeaves leaves, int from, int end) {
            this.leaves = leaves;
            this.next = from;
            this.end = end;
        }

        @Override
        public void row(ResultSet rs) throws SQLException {
            accept(ChainWalk.event(rs, 1));
        }

        void accept(LedgerEvent e) {
            UUID asset = e.assetId();
            if (chain == null || !chain.assetId().equals(asset)) {
                finish();
                while (next < end && ChainHead.ORDER.compare(leaves.assetId(next), asset) < 0) {
                    start(leaves.get(next++));
                    finish();
                }
                if (next < end && leaves.assetId(next).equals(asset)) {
                    start(leaves.get(next++));
                } else {
                    return; // a chain the digest did not cover
                }
            }
            if (leaf != null && e.seq() <= leaf.seq()) {
                events++;
                chain.append(e);
            }
        }

        private void start(ChainHead h) {
            chain = new Chain(h.assetId());
            leaf = h;
            chains++;
        }

        void finish() {
            if (chain != null && leaf != null) {
                Chain.Break b = chain.against(leaf.seq(), leaf.hash(), "the digest's head");
                if (b != null && broken.size() < LedgerVerifier.MAX_REPORTED) {
                    broken.add(b);
                }
            }
            chain = null;
            leaf = null;
        }

        @Override
        public LeafWalk result() {
            finish();
            while (next < end) {
                start(leaves.get(next++));
                finish();
            }
            return this;
        }

        void add(LeafWalk other) {
            chains += other.chains;
            events += other.events;
            for (Chain.Break b : other.broken) {
                if (broken.size() < LedgerVerifier.MAX_REPORTED) {
                    broken.add(b);
                }
            }
        }
    }
}
