package jp.azukari.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.ledger.Digest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The digests this installation took, as it keeps them: the signed statement and its leaves. */
final class DigestStore {

    private final DatabaseClient db;

    DigestStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> keep(Actor actor, Digest d, List<byte[]> chunks) {
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
}
