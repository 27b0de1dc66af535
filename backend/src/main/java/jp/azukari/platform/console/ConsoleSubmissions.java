package jp.azukari.platform.console;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One-time submission ids of console forms that store something: a second submit of the same form
 * (double click, back button, retry after a lost answer) finds its id taken and is answered with
 * where the first one led, instead of storing the same assets twice. Kept in PostgreSQL, so it
 * holds across instances.
 */
@Component
public class ConsoleSubmissions {

    private final DatabaseClient db;

    ConsoleSubmissions(DatabaseClient db) {
        this.db = db;
    }

    /** A fresh id for a form being rendered. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * True when this submission id was free and is now this user's; false when a submit of the same
     * form came first.
     */
    public Mono<Boolean> claim(String id, UUID userId) {
        UUID parsed = parse(id);
        if (parsed == null) {
            return Mono.just(false);
        }
        return db.sql(
                        "INSERT INTO console_submission (id, user_id) VALUES (:id, :user) ON CONFLICT (id) DO NOTHING")
                .bind("id", parsed)
                .bind("user", userId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /**
     * Where the first submit led (a path), once it succeeded; empty while it runs or when it
     * failed.
     */
    public Mono<String> outcome(String id, UUID userId) {
        UUID parsed = parse(id);
        if (parsed == null) {
            return Mono.empty();
        }
        return db.sql(
                        "SELECT outcome FROM console_submission WHERE id = :id AND user_id = :user AND outcome IS NOT NULL")
                .bind("id", parsed)
                .bind("user", userId)
                .map(r -> r.get("outcome", String.class))
                .one();
    }

    public Mono<Void> succeeded(String id, String outcomePath) {
        return db.sql("UPDATE console_submission SET outcome = :outcome WHERE id = :id")
                .bind("outcome", outcomePath)
                .bind("id", parse(id))
                .then();
    }

    /** A submit that stored nothing gives its id back, so the corrected form can be sent again. */
    public Mono<Void> release(String id) {
        UUID parsed = parse(id);
        return parsed == null
                ? Mono.empty()
                : db.sql("DELETE FROM console_submission WHERE id = :id AND outcome IS NULL")
                        .bind("id", parsed)
                        .then();
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
