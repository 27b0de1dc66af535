package jp.azukari.copy;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.domain.AssetFacts;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.CustodyState;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** An asset as copying and take-out see it, read within the caller's scope (optionally locked). */
record HeldAsset(
        AssetFacts facts,
        String tag,
        String kind,
        String title,
        String sensitivity,
        String handling,
        LocalDate dueOn,
        ContractStatus contractStatus,
        UUID contractorPartyId,
        UUID openTakeOutId) {

    static Mono<HeldAsset> load(DatabaseClient db, Actor actor, UUID assetId, boolean lock) {
        var spec =
                db.sql(
                                """
                        SELECT a.*, c.status AS contract_status, c.contractor_party_id,
                               EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING') AS in_open,
                               (SELECT t.id FROM take_out t WHERE t.asset_id = a.id AND t.brought_back_at IS NULL) AS open_take_out
                          FROM asset a JOIN contract c ON c.id = a.contract_id
                         WHERE a.id = :id"""
                                        + Scope.asset(actor)
                                        + (lock ? " FOR UPDATE OF a" : ""))
                        .bind("id", assetId);
        spec = Scope.bind(spec, actor);
        return spec.map(
                        r ->
                                new HeldAsset(
                                        new AssetFacts(
                                                r.get("id", UUID.class),
                                                r.get("contract_id", UUID.class),
                                                CustodyState.valueOf(
                                                        r.get("custody_state", String.class)),
                                                r.get("holder_party_id", UUID.class),
                                                Boolean.TRUE.equals(
                                                        r.get("in_open", Boolean.class))),
                                        r.get("tag", String.class),
                                        r.get("kind", String.class),
                                        r.get("title", String.class),
                                        r.get("sensitivity", String.class),
                                        r.get("handling_requirements", String.class),
                                        r.get("due_on", LocalDate.class),
                                        ContractStatus.valueOf(
                                                r.get("contract_status", String.class)),
                                        r.get("contractor_party_id", UUID.class),
                                        r.get("open_take_out", UUID.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Asset " + assetId)));
    }
}
