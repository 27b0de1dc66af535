package jp.azukari.label;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The label keys, kept in the database so every backend instance signs and verifies alike. A key is
 * made on first start when there is none; rotation adds a newer key (which then signs) and keeps
 * the older ones verifying until they are retired. The key ring is re-read every few seconds, so a
 * rotation reaches all instances quickly.
 */
public class LabelKeyStore {

    private static final long FIRST_KEY_LOCK = 0x417A_4C61_6265_6C31L;
    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final DatabaseClient db;
    private final org.springframework.transaction.reactive.TransactionalOperator tx;
    private final SecureRandom random;
    private volatile Mono<LabelKeyRing> ring;

    public LabelKeyStore(
            DatabaseClient db,
            org.springframework.transaction.reactive.TransactionalOperator tx,
            SecureRandom random) {
        this.db = db;
        this.tx = tx;
        this.random = random;
        this.ring = load();
    }

    public record KeyInfo(
            String id, OffsetDateTime createdAt, OffsetDateTime retiredAt, boolean signing) {}

    public Mono<LabelKeyRing> ring() {
        return ring;
    }

    private Mono<LabelKeyRing> load() {
        return db.sql("SELECT id, secret, retired_at FROM label_key ORDER BY created_at, id")
                .map(
                        r ->
                                new LabelKey(
                                        r.get("id", String.class),
                                        r.get("secret", byte[].class),
                                        r.get("retired_at", OffsetDateTime.class) != null))
                .all()
                .collectList()
                .flatMap(
                        keys -> {
                            List<LabelKey> live = keys.stream().filter(k -> !k.retired()).toList();
                            if (live.isEmpty()) {
                                return Mono.error(
                                        new IllegalStateException(
                                                "no label key in force: create one (POST /api/v1/labels/keys)"));
                            }
                            return Mono.just(
                                    new LabelKeyRing(live.get(live.size() - 1).id(), keys));
                        })
                .cache(r -> REFRESH, e -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * Makes the first key when the table is empty; several instances starting at once make exactly
     * one.
     */
    public Mono<Void> ensureKey() {
        LabelKey key = LabelKey.generate(random);
        return tx.transactional(
                        db.sql("SELECT pg_advisory_xact_lock(:lock)")
                                .bind("lock", FIRST_KEY_LOCK)
                                .then()
                                .then(
                                        db.sql(
                                                        "INSERT INTO label_key (id, secret) SELECT :id, :secret WHERE NOT EXISTS (SELECT 1 FROM label_key)")
                                                .bind("id", key.id())
                                                .bind("secret", key.secret())
                                                .then()))
                .doOnSuccess(v -> this.ring = load());
    }

    /** A newer key that signs from now on; labels under the older keys keep verifying. */
    public Mono<KeyInfo> rotate() {
        LabelKey key = LabelKey.generate(random);
        return db.sql("INSERT INTO label_key (id, secret) VALUES (:id, :secret)")
                .bind("id", key.id())
                .bind("secret", key.secret())
                .then()
                .doOnSuccess(v -> this.ring = load())
                .then(keys().filter(k -> k.id().equals(key.id())).next());
    }

    /**
     * Labels under a retired key read as foreign. The key that signs cannot be retired before a
     * newer one exists.
     */
    public Mono<Boolean> retire(String id) {
        return db.sql(
                        """
                        UPDATE label_key SET retired_at = now()
                         WHERE id = :id AND retired_at IS NULL
                           AND EXISTS (SELECT 1 FROM label_key k WHERE k.retired_at IS NULL AND k.id <> :id
                                          AND (k.created_at, k.id) > (SELECT created_at, id FROM label_key WHERE id = :id))""")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1)
                .doOnSuccess(v -> this.ring = load());
    }

    public reactor.core.publisher.Flux<KeyInfo> keys() {
        return db.sql("SELECT id, created_at, retired_at FROM label_key ORDER BY created_at, id")
                .map(
                        r ->
                                new Object[] {
                                    r.get("id", String.class),
                                    r.get("created_at", OffsetDateTime.class),
                                    r.get("retired_at", OffsetDateTime.class)
                                })
                .all()
                .collectList()
                .flatMapIterable(
                        rows -> {
                            String signing = null;
                            for (Object[] row : rows) {
                                if (row[2] == null) {
                                    signing = (String) row[0];
                                }
                            }
                            List<KeyInfo> out = new ArrayList<>();
                            for (Object[] row : rows) {
                                out.add(
                                        new KeyInfo(
                                                (String) row[0],
                                                (OffsetDateTime) row[1],
                                                (OffsetDateTime) row[2],
                                                row[0].equals(signing)));
                            }
                            return out;
                        });
    }
}
