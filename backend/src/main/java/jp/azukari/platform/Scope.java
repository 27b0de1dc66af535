package jp.azukari.platform;

import jp.azukari.common.Actor;

/**
 * SQL conditions that keep a custodian inside what their party holds, held, or is offered (SPEC
 * §2). Agency roles see everything. Each condition expects the bind parameter {@code :scope_party}.
 */
public final class Scope {

    private Scope() {}

    /** Binds {@code :scope_party} when the conditions above added it. */
    public static org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec bind(
            org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec spec, Actor actor) {
        return actor.isScopedToParty() ? spec.bind("scope_party", actor.partyId()) : spec;
    }

    /** An asset row aliased {@code a}. */
    public static String asset(Actor actor) {
        return actor.isScopedToParty()
                ? " AND EXISTS (SELECT 1 FROM asset_party_access x WHERE x.asset_id = a.id AND x.party_id = :scope_party)"
                : "";
    }

    /** A contract row aliased {@code c}. */
    public static String contract(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (c.contractor_party_id = :scope_party"
                        + " OR EXISTS (SELECT 1 FROM approval ap WHERE ap.contract_id = c.id AND ap.subcontractor_party_id = :scope_party)"
                        + " OR EXISTS (SELECT 1 FROM asset_party_access x JOIN asset xa ON xa.id = x.asset_id"
                        + "            WHERE x.party_id = :scope_party AND xa.contract_id = c.id))"
                : "";
    }

    /** A transfer row aliased {@code t}. */
    public static String transfer(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (t.from_party_id = :scope_party OR t.to_party_id = :scope_party)"
                : "";
    }

    /** An approval row aliased {@code ap} joined to its contract aliased {@code c}. */
    public static String approval(Actor actor) {
        return actor.isScopedToParty()
                ? " AND (c.contractor_party_id = :scope_party OR ap.subcontractor_party_id = :scope_party)"
                : "";
    }
}
