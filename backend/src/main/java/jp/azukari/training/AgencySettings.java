package jp.azukari.training;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The agency's run-time settings (table agency_setting), read fresh on every use so all instances
 * agree.
 */
public class AgencySettings {

    public static final String TRAINING_REQUIRED = "training.required";

    private final DatabaseClient db;
    private final Clock clock;

    public AgencySettings(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Boolean> flag(String name) {
        return db.sql("SELECT value FROM agency_setting WHERE name = :name")
                .bind("name", name)
                .map(r -> Boolean.parseBoolean(r.get("value", String.class)))
                .one()
                .defaultIfEmpty(false);
    }

    public Mono<Void> setFlag(String name, boolean value, UUID by) {
        return setText(name, Boolean.toString(value), by);
    }

    /** Stores a setting's text (checked by the caller). */
    public Mono<Void> setText(String name, String value, UUID by) {
        return db.sql(
                        """
                        INSERT INTO agency_setting (name, value, updated_by, updated_at) VALUES (:name, :value, :by, :at)
                        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
                                                         updated_at = EXCLUDED.updated_at""")
                .bind("name", name)
                .bind("value", value)
                .bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .then();
    }
}
