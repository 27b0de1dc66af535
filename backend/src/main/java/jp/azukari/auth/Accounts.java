package jp.azukari.auth;

import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The few facts about a user that signing in and refreshing need. */
class Accounts {

    record Account(
            Actor actor,
            String passwordHash,
            boolean active,
            long tokenVersion,
            boolean passwordChangeRequired) {}

    private static final String COLUMNS =
            "SELECT id, username, role, party_id, password_hash, active, token_version,"
                    + " password_change_required FROM app_user ";

    private final DatabaseClient db;

    Accounts(DatabaseClient db) {
        this.db = db;
    }

    Mono<Account> byUsername(String username) {
        return db.sql(COLUMNS + "WHERE username = :username")
                .bind("username", username)
                .map(Accounts::account)
                .one();
    }

    /** This user when they exist and are active. */
    Mono<Account> active(UUID userId) {
        return db.sql(COLUMNS + "WHERE id = :id AND active")
                .bind("id", userId)
                .map(Accounts::account)
                .one();
    }

    private static Account account(io.r2dbc.spi.Readable row) {
        Actor actor =
                new Actor(
                        row.get("id", UUID.class),
                        row.get("username", String.class),
                        Role.valueOf(row.get("role", String.class)),
                        row.get("party_id", UUID.class));
        return new Account(
                actor,
                row.get("password_hash", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("token_version", Long.class),
                Boolean.TRUE.equals(row.get("password_change_required", Boolean.class)));
    }
}
