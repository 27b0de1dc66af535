package jp.azukari.user;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class UserRepository {

    private static final String SELECT =
            "SELECT u.id, u.username, u.display_name, u.party_id, p.name AS party_name, u.role,"
                    + " u.active, u.training_completed_on, u.training_valid_until, u.created_at,"
                    + " u.password_change_required"
                    + " FROM app_user u JOIN party p ON p.id = u.party_id";

    /** A user's changeable facts, as an update writes them; null means "leave as is". */
    record Changes(
            String displayName,
            Boolean active,
            Role role,
            UUID partyId,
            String passwordHash,
            Boolean passwordChangeRequired) {}

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Users, optionally of one party, in username order. */
    Flux<UserView> list(UUID partyId) {
        if (partyId == null) {
            return db.sql(SELECT + " ORDER BY u.username").map(UserRepository::view).all();
        }
        return db.sql(SELECT + " WHERE u.party_id = :party ORDER BY u.username")
                .bind("party", partyId)
                .map(UserRepository::view)
                .all();
    }

    Mono<UserView> find(UUID id) {
        return db.sql(SELECT + " WHERE u.id = :id").bind("id", id).map(UserRepository::view).one();
    }

    Mono<PartyKind> partyKind(UUID partyId) {
        return db.sql("SELECT kind FROM party WHERE id = :id")
                .bind("id", partyId)
                .map(row -> PartyKind.valueOf(row.get("kind", String.class)))
                .one();
    }

    Mono<Void> insert(
            UUID id,
            String username,
            String displayName,
            UUID partyId,
            Role role,
            String passwordHash) {
        return db.sql(
                        "INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) "
                                + "VALUES (:id, :username, :display, :party, :role, :hash)")
                .bind("id", id)
                .bind("username", username)
                .bind("display", displayName)
                .bind("party", partyId)
                .bind("role", role.name())
                .bind("hash", passwordHash)
                .then();
    }

    /**
     * Applies the non-null changes; emits the number of rows changed (0 when the user does not
     * exist).
     */
    Mono<Long> update(UUID id, Changes changes) {
        List<String> sets = new ArrayList<>();
        if (changes.displayName() != null) {
            sets.add("display_name = :display");
        }
        if (changes.active() != null) {
            sets.add("active = :active");
        }
        if (changes.role() != null) {
            sets.add("role = :role");
        }
        if (changes.partyId() != null) {
            sets.add("party_id = :party");
        }
        if (changes.passwordHash() != null) {
            sets.add("password_hash = :hash");
        }
        if (changes.passwordChangeRequired() != null) {
            sets.add("password_change_required = :mustChange");
        }
        DatabaseClient.GenericExecuteSpec spec =
                db.sql("UPDATE app_user SET " + String.join(", ", sets) + " WHERE id = :id")
                        .bind("id", id);
        if (changes.displayName() != null) {
            spec = spec.bind("display", changes.displayName());
        }
        if (changes.active() != null) {
            spec = spec.bind("active", changes.active());
        }
        if (changes.role() != null) {
            spec = spec.bind("role", changes.role().name());
        }
        if (changes.partyId() != null) {
            spec = spec.bind("party", changes.partyId());
        }
        if (changes.passwordHash() != null) {
            spec = spec.bind("hash", changes.passwordHash());
        }
        if (changes.passwordChangeRequired() != null) {
            spec = spec.bind("mustChange", changes.passwordChangeRequired());
        }
        return spec.fetch().rowsUpdated();
    }

    Mono<Long> recordTraining(UUID id, LocalDate completedOn, LocalDate validUntil) {
        return db.sql(
                        "UPDATE app_user SET training_completed_on = :completed, training_valid_until = :until WHERE id = :id")
                .bind("id", id)
                .bind("completed", completedOn)
                .bind("until", validUntil)
                .fetch()
                .rowsUpdated();
    }

    private static UserView view(Readable row) {
        LocalDate completed = row.get("training_completed_on", LocalDate.class);
        LocalDate until = row.get("training_valid_until", LocalDate.class);
        UserView.Training training =
                completed == null && until == null ? null : new UserView.Training(completed, until);
        return new UserView(
                row.get("id", UUID.class),
                row.get("username", String.class),
                row.get("display_name", String.class),
                row.get("party_id", UUID.class),
                row.get("party_name", String.class),
                Role.valueOf(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                training,
                row.get("created_at", Instant.class),
                Boolean.TRUE.equals(row.get("password_change_required", Boolean.class)));
    }
}
