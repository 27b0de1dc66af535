package jp.azukari.training;

import java.time.LocalDate;

import jp.azukari.common.Actor;
import jp.azukari.custody.TrainingGate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Article 3 as the agency set it: whether taking custody needs a current training record (off until an ADMIN turns
 * it on), and whether this user's record, kept on app_user, covers today.
 */
class SettingsTrainingGate implements TrainingGate {

    private final AgencySettings settings;
    private final DatabaseClient db;

    SettingsTrainingGate(AgencySettings settings, DatabaseClient db) {
        this.settings = settings;
        this.db = db;
    }

    @Override
    public Mono<Status> current(Actor actor, LocalDate today) {
        return settings.flag(AgencySettings.TRAINING_REQUIRED).flatMap(required -> !required
                ? Mono.just(new Status(false, true))
                : db.sql("""
                                SELECT training_completed_on <= :today AND training_valid_until >= :today AS current
                                  FROM app_user WHERE id = :id""")
                        .bind("today", today).bind("id", actor.userId())
                        .map(r -> Boolean.TRUE.equals(r.get("current", Boolean.class))).one()
                        .defaultIfEmpty(false)
                        .map(current -> new Status(true, current)));
    }
}
