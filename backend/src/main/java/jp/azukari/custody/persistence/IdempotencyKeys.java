package jp.azukari.custody.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The Idempotency-Keys of opening requests: claimed first, then tied to the transfer they made, or
 * released.
 */
public class IdempotencyKeys {

    private final DatabaseClient db;

    public IdempotencyKeys(DatabaseClient db) {
        this.db = db;
    }

    /** True when this request claimed the key, false when an earlier one holds it. */
    public Mono<Boolean> claim(UUID user, String key) {
        return db.sql(
                        """
                        INSERT INTO transfer_request (user_id, idempotency_key) VALUES (:user, :key)
                        ON CONFLICT DO NOTHING RETURNING idempotency_key""")
                .bind("user", user)
                .bind("key", key)
                .map(r -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Ties the claimed key to the transfer it made, in the opening's transaction. */
    public Mono<Void> remember(UUID user, String key, UUID transferId) {
        return db.sql(
                        "UPDATE transfer_request SET transfer_id = :transfer WHERE user_id = :user AND idempotency_key = :key")
                .bind("user", user)
                .bind("key", key)
                .bind("transfer", transferId)
                .then();
    }

    /**
     * The transfer the key made (empty optional: still being made), or empty when the claim is
     * gone. A claim without a transfer for 30 s was left by a request that died: it is released
     * first.
     */
    public Mono<Optional<UUID>> made(UUID user, String key) {
        return db.sql(
                        "DELETE FROM transfer_request WHERE user_id = :user AND idempotency_key = :key AND transfer_id IS NULL"
                                + " AND created_at < now() - interval '30 seconds'")
                .bind("user", user)
                .bind("key", key)
                .then()
                .then(
                        db.sql(
                                        "SELECT transfer_id FROM transfer_request WHERE user_id = :user AND idempotency_key = :key")
                                .bind("user", user)
                                .bind("key", key)
                                .map(r -> Optional.ofNullable(r.get("transfer_id", UUID.class)))
                                .one());
    }

    public Mono<Void> release(UUID user, String key) {
        return db.sql(
                        "DELETE FROM transfer_request WHERE user_id = :user AND idempotency_key = :key AND transfer_id IS NULL")
                .bind("user", user)
                .bind("key", key)
                .then();
    }
}
