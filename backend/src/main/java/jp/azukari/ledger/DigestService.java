package jp.azukari.ledger;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.core.ledger.Chain;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.Ed25519;
import jp.azukari.core.ledger.MerkleTree;
import jp.azukari.platform.Access;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signed digests of the ledger (SPEC §6, docs/ledger.md): take one over every chain head (or one
 * contract's), check a presented one against the live ledger, prove one asset's inclusion.
 */
public class DigestService {

    private final DatabaseClient db;
    private final TransactionalOperator snapshot;
    private final LedgerKeys keys;
    private final LedgerVerifier verifier;
    private final Clock clock;

    public DigestService(
            DatabaseClient db,
            ReactiveTransactionManager tm,
            LedgerKeys keys,
            LedgerVerifier verifier,
            Clock clock) {
        this.db = db;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot = TransactionalOperator.create(tm, definition);
        this.keys = keys;
        this.verifier = verifier;
        this.clock = clock;
    }

    public record Verification(
            boolean holds,
            UUID digestId,
            String fingerprint,
            long chainsChecked,
            long eventsChecked,
            Verification.Rewritten firstRewritten,
            List<Rewritten> rewritten) {

        public record Rewritten(UUID assetId, String tag, int seq, String reason) {}
    }

    public record Proof(
            Map<String, Object> digest,
            UUID assetId,
            int seq,
            String hash,
            long leafIndex,
            long treeSize,
            String leafHash,
            List<String> path) {}

    private static Mono<Void> mayInspect(Actor actor) {
        return Access.require(actor, "take or check ledger digests", Role.AUDITOR, Role.MANAGER);
    }

    /** Takes a digest over every chain head, or over one contract's; signs it and keeps it. */
    public Mono<Digest> take(Actor actor, UUID contractId) {
        return mayInspect(actor)
                .then(contractId == null ? Mono.empty() : requireContract(contractId))
                .then(keys.current())
                .flatMap(
                        k ->
                                snapshot.transactional(
                                        Mono.defer(() -> takeInSnapshot(actor, contractId, k))));
    }

    /**
     * Takes and keeps a digest inside the caller's transaction (the inspection bundle reads in the
     * same snapshot).
     */
    public Mono<Digest> takeInSnapshot(Actor actor, UUID contractId, LedgerKeys.Keys k) {
        var tree = new MerkleTree.Builder();
        var leaves = new DigestLeaves.Writer();
        long[] events = {0};
        var heads =
                db.sql(
                        "SELECT id, last_seq, last_hash FROM asset WHERE last_seq > 0"
                                + (contractId == null ? "" : " AND contract_id = :contract")
                                + " ORDER BY id");
        if (contractId != null) {
            heads = heads.bind("contract", contractId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return heads.filter(s -> s.fetchSize(LedgerVerifier.FETCH))
                .map(
                        r ->
                                new ChainHead(
                                        r.get("id", UUID.class),
                                        r.get("last_seq", Integer.class),
                                        r.get("last_hash", byte[].class)))
                .all()
                .doOnNext(
                        h -> {
                            tree.addLeafHash(h.leafHash());
                            leaves.add(h);
                            events[0] += h.seq();
                        })
                .then(
                        Mono.defer(
                                () -> {
                                    Digest unsigned =
                                            new Digest(
                                                    UUID.randomUUID(),
                                                    now,
                                                    contractId == null
                                                            ? "ALL"
                                                            : "CONTRACT:" + contractId,
                                                    tree.size(),
                                                    events[0],
                                                    tree.root(),
                                                    k.fingerprint(),
                                                    null);
                                    Digest digest =
                                            unsigned.withSignature(
                                                    Ed25519.sign(
                                                            k.privateKey(), unsigned.statement()));
                                    return keep(actor, digest, leaves.chunks()).thenReturn(digest);
                                }));
    }

    private Mono<Void> keep(Actor actor, Digest d, List<byte[]> chunks) {
        Mono<Void> row =
                db.sql(
                                """
                        INSERT INTO ledger_digest (id, taken_at, scope, chains, events, root, key_fingerprint, signature, taken_by)
                        VALUES (:id, :at, :scope, :chains, :events, :root, :key, :signature, :by)""")
                        .bind("id", d.id())
                        .bind("at", OffsetDateTime.ofInstant(d.takenAt(), ZoneOffset.UTC))
                        .bind("scope", d.scope())
                        .bind("chains", d.chains())
                        .bind("events", d.events())
                        .bind("root", d.root())
                        .bind("key", d.keyFingerprint())
                        .bind("signature", d.signature())
                        .bind("by", actor.userId())
                        .then();
        return row.thenMany(
                        Flux.range(0, chunks.size())
                                .concatMap(
                                        i ->
                                                db.sql(
                                                                "INSERT INTO ledger_digest_chunk (digest_id, chunk_no, leaves) VALUES (:id, :no, :leaves)")
                                                        .bind("id", d.id())
                                                        .bind("no", i)
                                                        .bind("leaves", chunks.get(i))
                                                        .then()))
                .then();
    }

    private Mono<Void> requireContract(UUID contractId) {
        return db.sql("SELECT 1 FROM contract WHERE id = :id")
                .bind("id", contractId)
                .map(r -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)))
                .then();
    }

    /**
     * The digest as this installation signed and kept it; a 422 naming why when it is not one of
     * ours.
     */
    public Mono<Digest> ours(Map<String, String> fields) {
        Digest presented;
        try {
            presented = Digest.parse(fields);
        } catch (IllegalArgumentException e) {
            return Mono.error(
                    Problems.exception(
                            ProblemKind.BAD_REQUEST,
                            "digest-malformed",
                            "Malformed digest",
                            e.getMessage()));
        }
        return keys.current()
                .flatMap(
                        k -> {
                            if (!presented.keyFingerprint().equals(k.fingerprint())) {
                                return Mono.error(
                                        notOurs(
                                                "it names key "
                                                        + presented.keyFingerprint()
                                                        + ", this installation signs with "
                                                        + k.fingerprint()));
                            }
                            if (!presented.signedBy(k.publicKey())) {
                                return Mono.error(
                                        notOurs(
                                                "its signature does not verify with this installation's key"));
                            }
                            return stored(presented.id())
                                    .filter(s -> s.fingerprint().equals(presented.fingerprint()))
                                    .switchIfEmpty(
                                            Mono.error(
                                                    () ->
                                                            notOurs(
                                                                    "this installation never took digest "
                                                                            + presented.id())));
                        });
    }

    private static RuntimeException notOurs(String why) {
        return Problems.exception(
                ProblemKind.UNPROCESSABLE_CONTENT,
                "digest-not-ours",
                "Not a digest of this installation",
                "This digest was not signed by this installation: " + why);
    }

    Mono<Digest> stored(UUID id) {
        return db.sql("SELECT * FROM ledger_digest WHERE id = :id")
                .bind("id", id)
                .map(
                        r ->
                                new Digest(
                                        r.get("id", UUID.class),
                                        r.get("taken_at", OffsetDateTime.class).toInstant(),
                                        r.get("scope", String.class),
                                        r.get("chains", Long.class),
                                        r.get("events", Long.class),
                                        r.get("root", byte[].class),
                                        r.get("key_fingerprint", String.class),
                                        r.get("signature", byte[].class)))
                .one();
    }

    Mono<DigestLeaves> leaves(UUID id) {
        return db.sql(
                        "SELECT leaves FROM ledger_digest_chunk WHERE digest_id = :id ORDER BY chunk_no")
                .bind("id", id)
                .map(r -> r.get("leaves", byte[].class))
                .all()
                .collectList()
                .map(DigestLeaves::new);
    }

    /** The chain heads a digest covered, in tree order. */
    public Flux<ChainHead> heads(UUID digestId) {
        return leaves(digestId)
                .flatMapIterable(
                        l -> {
                            List<ChainHead> out = new ArrayList<>(l.count());
                            for (int i = 0; i < l.count(); i++) {
                                out.add(l.get(i));
                            }
                            return out;
                        });
    }

    /**
     * Whether every chain the digest covered still holds exactly those events up to its head then.
     */
    public Mono<Verification> verify(Actor actor, Map<String, String> fields) {
        return mayInspect(actor)
                .then(ours(fields))
                .flatMap(
                        d ->
                                leaves(d.id())
                                        .flatMap(
                                                leaves -> {
                                                    if (!MessageDigest.isEqual(
                                                            MerkleTree.root(leaves.leafHashes()),
                                                            d.root())) {
                                                        return Mono.error(
                                                                new IllegalStateException(
                                                                        "the kept leaves of digest "
                                                                                + d.id()
                                                                                + " do not make its root"));
                                                    }
                                                    var walk = new LeafWalk(leaves);
                                                    String scope =
                                                            d.scope().startsWith("CONTRACT:")
                                                                    ? d.scope()
                                                                            .substring(
                                                                                    "CONTRACT:"
                                                                                            .length())
                                                                    : null;
                                                    var events =
                                                            db.sql(
                                                                    "SELECT * FROM custody_event"
                                                                            + (scope == null
                                                                                    ? ""
                                                                                    : " WHERE contract_id = :contract")
                                                                            + " ORDER BY asset_id, seq");
                                                    if (scope != null) {
                                                        events =
                                                                events.bind(
                                                                        "contract",
                                                                        UUID.fromString(scope));
                                                    }
                                                    return events.filter(
                                                                    s ->
                                                                            s.fetchSize(
                                                                                    LedgerVerifier
                                                                                            .FETCH))
                                                            .map(
                                                                    r -> {
                                                                        walk.accept(r);
                                                                        return 1;
                                                                    })
                                                            .all()
                                                            .then(
                                                                    Mono.fromRunnable(
                                                                            walk::finishAll))
                                                            .then(Mono.defer(() -> named(d, walk)));
                                                }));
    }

    private Mono<Verification> named(Digest d, LeafWalk walk) {
        if (walk.broken.isEmpty()) {
            return Mono.just(
                    new Verification(
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
                                                            new Verification.Rewritten(
                                                                    b.assetId(),
                                                                    tags.get(b.assetId()),
                                                                    b.seq(),
                                                                    b.reason()))
                                            .toList();
                            return new Verification(
                                    false,
                                    d.id(),
                                    d.fingerprint(),
                                    walk.chains,
                                    walk.events,
                                    named.get(0),
                                    named);
                        });
    }

    /** Merges the live events (asset, seq order) with the digest's leaves (the same order). */
    private static final class LeafWalk {
        final DigestLeaves leaves;
        final List<Chain.Break> broken = new ArrayList<>();
        int next;
        Chain chain;
        ChainHead leaf;
        long chains;
        long events;

        LeafWalk(DigestLeaves leaves) {
            this.leaves = leaves;
        }

        void accept(io.r2dbc.spi.Readable row) {
            UUID asset = row.get("asset_id", UUID.class);
            if (chain == null || !chain.assetId().equals(asset)) {
                finish();
                while (next < leaves.count()
                        && ChainHead.ORDER.compare(leaves.assetId(next), asset) < 0) {
                    start(leaves.get(next++));
                    finish();
                }
                if (next < leaves.count() && leaves.assetId(next).equals(asset)) {
                    start(leaves.get(next++));
                } else {
                    return; // a chain the digest did not cover
                }
            }
            int seq = row.get("seq", Integer.class);
            if (leaf != null && seq <= leaf.seq()) {
                events++;
                chain.append(Ledger.read(row).event());
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

        void finishAll() {
            finish();
            while (next < leaves.count()) {
                start(leaves.get(next++));
                finish();
            }
        }
    }

    /**
     * One asset's inclusion proof: its head as the digest saw it and the RFC 6962 audit path to the
     * root.
     */
    public Mono<Proof> proof(Actor actor, UUID digestId, UUID assetId) {
        return mayInspect(actor)
                .then(stored(digestId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Digest " + digestId)))
                .flatMap(
                        d ->
                                leaves(digestId)
                                        .flatMap(
                                                leaves -> {
                                                    int i = leaves.indexOf(assetId);
                                                    if (i < 0) {
                                                        return Mono.error(
                                                                Problems.notFound(
                                                                        "Asset "
                                                                                + assetId
                                                                                + " in digest "
                                                                                + digestId));
                                                    }
                                                    ChainHead h = leaves.get(i);
                                                    HexFormat hex = HexFormat.of();
                                                    List<String> path =
                                                            MerkleTree.auditPath(
                                                                            leaves.leafHashes(), i)
                                                                    .stream()
                                                                    .map(hex::formatHex)
                                                                    .toList();
                                                    return Mono.just(
                                                            new Proof(
                                                                    d.fields(),
                                                                    assetId,
                                                                    h.seq(),
                                                                    hex.formatHex(h.hash()),
                                                                    i,
                                                                    leaves.count(),
                                                                    hex.formatHex(h.leafHash()),
                                                                    path));
                                                }));
    }
}
