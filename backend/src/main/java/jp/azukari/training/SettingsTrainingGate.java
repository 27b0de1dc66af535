package jp.azukari.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TrainingGate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Article 3 as the agency set it: whether taking custody needs a current training record (off until
 * an ADMIN turns it on), and whether this user's record, kept on app_user, covers today.
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
        return settings.flag(AgencySettings.TRAINING_REQUIRED)
                .flatMap(
                        required ->
                                !required
                                        ? Mono.just(new Status(false, true))
                                        : db.sql(
                                                        """
                                SELECT training_completed_on <= :today AND training_valid_until >= :today AS current
                                  FROM app_user WHERE id = :id""")
                                                .bind("today", today)
                                                .bind("id", actor.userId())
                                                .map(
                                                        r ->
                                                                Boolean.TRUE.equals(
                                                                        r.get(
                                                                                "current",
                                                                                Boolean.class)))
                                                .one()
                                                .defaultIfEmpty(false)
                                                .map(current -> new Status(true, current)));
    }

    /**
     * Many users in two queries at most: the agency's setting, then (when it is on) all their
     * records at once.
     */
    @Override
    public Mono<Map<UUID, Status>> current(Collection<Actor> actors, LocalDate today) {
        return settings.flag(AgencySettings.TRAINING_REQUIRED)
                .flatMap(
                        required -> {
                            Map<UUID, Status> statuses = new HashMap<>();
                            if (!required) {
                                actors.forEach(
                                        a -> statuses.put(a.userId(), new Status(false, true)));
                                return Mono.just(statuses);
                            }
                            actors.forEach(a -> statuses.put(a.userId(), new Status(true, false)));
                            return db.sql(
                                            """
                            SELECT id, training_completed_on <= :today AND training_valid_until >= :today AS current
                              FROM app_user WHERE id = ANY(:ids)""")
                                    .bind("today", today)
                                    .bind(
                                            "ids",
                                            actors.stream()
                                                    .map(Actor::userId)
                                                    .distinct()
                                                    .toArray(UUID[]::new))
                                    .map(
                                            r ->
                                                    Map.entry(
                                                            r.get("id", UUID.class),
                                                            Boolean.TRUE.equals(
                                                                    r.get(
                                                                            "current",
                                                                            Boolean.class))))
                                    .all()
                                    .doOnNext(
                                            e ->
                                                    statuses.put(
                                                            e.getKey(),
                                                            new Status(true, e.getValue())))
                                    .then(Mono.just(statuses));
                        });
    }
}
