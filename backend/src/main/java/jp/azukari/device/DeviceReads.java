package jp.azukari.device;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The register as the caller may see it: a custodian its own party's devices and contracts'. */
final class DeviceReads {

    private final DatabaseClient db;
    private final Clock clock;
    private final AgencyTimeZone zone;

    DeviceReads(DatabaseClient db, Clock clock, AgencyTimeZone zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    private static String scope(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (d.owner_party_id = :scope_party OR c.contractor_party_id = :scope_party)"
                : "";
    }

    Mono<DeviceView> find(Actor actor, UUID id) {
        LocalDate today = zone.today(clock);
        var spec =
                Scope.bind(
                        db.sql(DeviceView.SELECT + " WHERE d.id = :id" + scope(actor))
                                .bind("id", id),
                        actor);
        var events =
                db.sql(
                                """
                        SELECT e.*, u.username FROM device_event e LEFT JOIN app_user u ON u.id = e.actor_id
                         WHERE e.device_id = :id ORDER BY e.no""")
                        .bind("id", id)
                        .map(
                                r ->
                                        new DeviceView.Event(
                                                r.get("kind", String.class),
                                                r.get("code", String.class),
                                                r.get("reason", String.class),
                                                r.get("actor_id", UUID.class),
                                                r.get("username", String.class),
                                                r.get("at", OffsetDateTime.class).toInstant()))
                        .all()
                        .collectList();
        return spec.map(r -> DeviceView.read(r, today))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Device " + id)))
                .zipWith(events, DeviceView::withEvents);
    }

    Flux<DeviceView> list(Actor actor, UUID contractId, boolean overdueOnly) {
        LocalDate today = zone.today(clock);
        var spec =
                db.sql(
                        DeviceView.SELECT
                                + " WHERE (CAST(:contract AS uuid) IS NULL OR d.contract_id = :contract)"
                                + scope(actor)
                                + " ORDER BY c.number, d.registered_at");
        spec = Scope.bind(Binds.nullable(spec, "contract", contractId, UUID.class), actor);
        return spec.map(r -> DeviceView.read(r, today))
                .all()
                .filter(d -> !overdueOnly || d.overdue());
    }
}
