package jp.azukari.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.Ed25519;
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
import reactor.core.scheduler.Schedulers;

/**
 * Signed digests of the ledger (SPEC §6, docs/ledger.md): take one over every chain head (or one
 * contract's), check a presented one against the live ledger, prove one asset's inclusion.
 */
public class DigestService {

    private final DatabaseClient db;
    private final TransactionalOperator snapshot;
    private final LedgerKeys keys;
    private final LedgerSnapshot jdbc;
    private final DigestStore store;
    private final DigestChecks checks;
    private final DigestProofs proofs;
    private final Clock clock;

    public DigestService(
            DatabaseClient db,
            ReactiveTransactionManager tm,
            LedgerKeys keys,
            LedgerVerifier verifier,
            LedgerSnapshot jdbc,
            Clock clock) {
        this.db = db;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot = TransactionalOperator.create(tm, definition);
        this.keys = keys;
        this.jdbc = jdbc;
        this.store = new DigestStore(db);
        this.checks = new DigestChecks(jdbc, verifier);
        this.proofs = new DigestProofs(this);
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
                                contractId == null
                                        ? takeOfEverything(actor, k)
                                        : snapshot.transactional(
                                                Mono.defer(
                                                        () ->
                                                                takeInSnapshot(
                                                                        actor, contractId, k))));
    }

    /** Every chain head, read in plain JDBC in one snapshot (a million heads in a few seconds). */
    private Mono<Digest> takeOfEverything(Actor actor, LedgerKeys.Keys k) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Mono.fromCallable(
                        () ->
                                jdbc.once(
                                        "SELECT id, last_seq, last_hash FROM asset WHERE last_seq > 0 ORDER BY id",
                                        new Object[0],
                                        new DigestHeads()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(h -> signAndKeep(actor, null, k, now, h));
    }

    private Mono<Digest> signAndKeep(
            Actor actor, UUID contractId, LedgerKeys.Keys k, Instant now, DigestHeads h) {
        Digest unsigned =
                new Digest(
                        UUID.randomUUID(),
                        now,
                        contractId == null ? "ALL" : "CONTRACT:" + contractId,
                        h.tree.size(),
                        h.events,
                        h.tree.root(),
                        k.fingerprint(),
                        null);
        Digest digest = unsigned.withSignature(Ed25519.sign(k.privateKey(), unsigned.statement()));
        return keep(actor, digest, h.leaves.chunks()).thenReturn(digest);
    }

    /**
     * Takes and keeps a digest inside the caller's transaction (the inspection bundle reads in the
     * same snapshot).
     */
    public Mono<Digest> takeInSnapshot(Actor actor, UUID contractId, LedgerKeys.Keys k) {
        var heads =
                db.sql(
                        "SELECT id, last_seq, last_hash FROM asset WHERE last_seq > 0"
                                + (contractId == null ? "" : " AND contract_id = :contract")
                                + " ORDER BY id");
        if (contractId != null) {
            heads = heads.bind("contract", contractId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DigestHeads read = new DigestHeads();
        return heads.filter(s -> s.fetchSize(LedgerVerifier.FETCH))
                .map(
                        r ->
                                new ChainHead(
                                        r.get("id", UUID.class),
                                        r.get("last_seq", Integer.class),
                                        r.get("last_hash", byte[].class)))
                .all()
                .doOnNext(read::add)
                .then(Mono.defer(() -> signAndKeep(actor, contractId, k, now, read)));
    }

    private Mono<Void> keep(Actor actor, Digest d, List<byte[]> chunks) {
        return store.keep(actor, d, chunks);
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
        return store.stored(id);
    }

    Mono<DigestLeaves> leaves(UUID id) {
        return store.leaves(id);
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
                .flatMap(d -> leaves(d.id()).flatMap(leaves -> checks.check(d, leaves)));
    }

    /**
     * One asset's inclusion proof: its head as the digest saw it and the RFC 6962 audit path to the
     * root.
     */
    public Mono<Proof> proof(Actor actor, UUID digestId, UUID assetId) {
        return mayInspect(actor).then(proofs.proof(digestId, assetId));
    }
}
