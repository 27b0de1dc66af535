package jp.azukari.incident;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Incidents as the caller may see them: a custodian only those of its party's concern. */
final class IncidentReads {

    private final DatabaseClient db;

    IncidentReads(DatabaseClient db) {
        this.db = db;
    }

    /** A custodian sees incidents its party reported or that concern an asset it can see. */
    private static String scope(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (i.reporter_party_id = :scope_party OR EXISTS (SELECT 1 FROM incident_asset ia"
                        + " JOIN asset_party_access x ON x.asset_id = ia.asset_id WHERE ia.incident_id = i.id AND x.party_id = :scope_party))"
                : "";
    }

    private static final String SELECT =
            "SELECT i.*, c.number AS contract_number FROM incident i JOIN contract c ON c.id = i.contract_id";

    Mono<IncidentView> find(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE i.id = :id" + scope(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(IncidentReads::view)
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Incident " + id)))
                .flatMap(
                        v ->
                                Mono.zip(assets(id), timeline(id))
                                        .map(t -> v.with(t.getT1(), t.getT2())));
    }

    Flux<IncidentView> list(Actor actor, UUID contractId, String status, int limit, int offset) {
        var spec =
                db.sql(
                                SELECT
                                        + " "
                                        + """
                         WHERE (CAST(:contract AS uuid) IS NULL OR i.contract_id = :contract)
                           AND (CAST(:status AS text) IS NULL OR i.status = :status)"""
                                        + scope(actor)
                                        + " ORDER BY i.reported_at DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset);
        spec = Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = Binds.nullable(spec, "status", status, String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(IncidentReads::view)
                .all()
                .concatMap(v -> assets(v.id()).map(a -> v.with(a, List.of())));
    }

    private Mono<List<IncidentView.Asset>> assets(UUID incidentId) {
        return db.sql(
                        """
                        SELECT a.id, a.tag, a.title, a.custody_state, a.holder_party_id FROM incident_asset ia
                          JOIN asset a ON a.id = ia.asset_id WHERE ia.incident_id = :id ORDER BY a.tag""")
                .bind("id", incidentId)
                .map(
                        r ->
                                new IncidentView.Asset(
                                        r.get("id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("title", String.class),
                                        r.get("custody_state", String.class),
                                        r.get("holder_party_id", UUID.class)))
                .all()
                .collectList();
    }

    private Mono<List<IncidentView.Entry>> timeline(UUID incidentId) {
        return db.sql("SELECT * FROM incident_entry WHERE incident_id = :id ORDER BY entry_no")
                .bind("id", incidentId)
                .map(
                        r ->
                                new IncidentView.Entry(
                                        r.get("id", UUID.class),
                                        r.get("kind", String.class),
                                        r.get("status", String.class),
                                        r.get("text", String.class),
                                        r.get("written_by", UUID.class),
                                        r.get("written_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }

    private static IncidentView view(Readable r) {
        OffsetDateTime closed = r.get("closed_at", OffsetDateTime.class);
        return new IncidentView(
                r.get("id", UUID.class),
                r.get("contract_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("kind", String.class),
                r.get("status", String.class),
                r.get("occurred_at", OffsetDateTime.class).toInstant(),
                r.get("reported_by", UUID.class),
                r.get("reporter_party_id", UUID.class),
                r.get("reported_at", OffsetDateTime.class).toInstant(),
                r.get("description", String.class),
                r.get("transfer_id", UUID.class),
                r.get("closed_by", UUID.class),
                closed == null ? null : closed.toInstant(),
                List.of(),
                List.of());
    }
}
