package jp.azukari.party;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PartyRepository {

    private static final String SELECT =
            "SELECT p.id, p.name, p.kind, p.created_at FROM party p WHERE true";

    /**
     * What a custodian may see of parties (SPEC §2): its own, the agencies, and the parties it
     * deals with — the contractor of any contract whose approval names it as subcontractor, and the
     * subcontractors named in the approvals of contracts it is the contractor of.
     */
    private static final String CUSTODIAN_SCOPE =
            " AND (p.id = :me OR p.kind = 'AGENCY'"
                    + " OR EXISTS (SELECT 1 FROM approval a JOIN contract c ON c.id = a.contract_id"
                    + "            WHERE a.subcontractor_party_id = :me AND c.contractor_party_id = p.id)"
                    + " OR EXISTS (SELECT 1 FROM approval a JOIN contract c ON c.id = a.contract_id"
                    + "            WHERE c.contractor_party_id = :me AND a.subcontractor_party_id = p.id))";

    private final DatabaseClient db;

    PartyRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<PartyView> visibleTo(Actor actor, PartyKind kind) {
        String sql =
                SELECT
                        + scope(actor)
                        + (kind == null ? "" : " AND p.kind = :kind")
                        + " ORDER BY p.name";
        DatabaseClient.GenericExecuteSpec spec = bindScope(db.sql(sql), actor);
        if (kind != null) {
            spec = spec.bind("kind", kind.name());
        }
        return spec.map(PartyRepository::view).all();
    }

    Mono<PartyView> visibleTo(Actor actor, UUID id) {
        return bindScope(db.sql(SELECT + " AND p.id = :id" + scope(actor)), actor)
                .bind("id", id)
                .map(PartyRepository::view)
                .one();
    }

    Mono<PartyView> insert(UUID id, String name, PartyKind kind) {
        return db.sql(
                        "INSERT INTO party (id, name, kind) VALUES (:id, :name, :kind) RETURNING id, name, kind, created_at")
                .bind("id", id)
                .bind("name", name)
                .bind("kind", kind.name())
                .map(PartyRepository::view)
                .one();
    }

    private static String scope(Actor actor) {
        return actor.isScopedToParty() ? CUSTODIAN_SCOPE : "";
    }

    private static DatabaseClient.GenericExecuteSpec bindScope(
            DatabaseClient.GenericExecuteSpec spec, Actor actor) {
        return actor.isScopedToParty() ? spec.bind("me", actor.partyId()) : spec;
    }

    private static PartyView view(Readable row) {
        return new PartyView(
                row.get("id", UUID.class),
                row.get("name", String.class),
                PartyKind.valueOf(row.get("kind", String.class)),
                row.get("created_at", Instant.class));
    }
}
