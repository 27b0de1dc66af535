package jp.azukari.custody;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.ApprovalStatus;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Loads approvals as the custody rules see them: the one a transfer names, or the approvals that
 * might allow an action on an asset (art. 2.3, 6), for {@link
 * jp.azukari.custody.domain.PriorApproval} to choose from: the one the request cites, or every
 * approval of that kind on the contract.
 */
public class PriorApprovals {

    private final DatabaseClient db;

    public PriorApprovals(DatabaseClient db) {
        this.db = db;
    }

    public Mono<List<ApprovalFacts>> candidates(
            UUID contractId, ApprovalKind kind, UUID citedApprovalId) {
        var spec =
                db.sql(
                                """
                        SELECT ap.id, ap.contract_id, ap.kind, ap.status, ap.subcontractor_party_id, ap.whole_contract, ap.valid_until,
                               ARRAY(SELECT aa.asset_id FROM approval_asset aa WHERE aa.approval_id = ap.id) AS asset_ids
                          FROM approval ap
                         WHERE ap.contract_id = :contract AND ap.kind = :kind
                           AND (CAST(:cited AS uuid) IS NULL OR ap.id = :cited)""")
                        .bind("contract", contractId)
                        .bind("kind", kind.name());
        return Binds.nullable(spec, "cited", citedApprovalId, UUID.class)
                .map(
                        r ->
                                new ApprovalFacts(
                                        r.get("id", UUID.class),
                                        r.get("contract_id", UUID.class),
                                        ApprovalKind.valueOf(r.get("kind", String.class)),
                                        ApprovalStatus.valueOf(r.get("status", String.class)),
                                        r.get("subcontractor_party_id", UUID.class),
                                        Boolean.TRUE.equals(r.get("whole_contract", Boolean.class)),
                                        Set.of(r.get("asset_ids", UUID[].class)),
                                        r.get("valid_until", LocalDate.class)))
                .all()
                .collectList();
    }

    /** The approval as the custody rules see it, or empty when it does not exist. */
    public Mono<ApprovalFacts> facts(UUID id) {
        return db.sql(
                        """
                        SELECT ap.*, ARRAY(SELECT aa.asset_id FROM approval_asset aa WHERE aa.approval_id = ap.id) AS asset_ids
                          FROM approval ap WHERE ap.id = :id""")
                .bind("id", id)
                .map(
                        r ->
                                new ApprovalFacts(
                                        r.get("id", UUID.class),
                                        r.get("contract_id", UUID.class),
                                        ApprovalKind.valueOf(r.get("kind", String.class)),
                                        ApprovalStatus.valueOf(r.get("status", String.class)),
                                        r.get("subcontractor_party_id", UUID.class),
                                        Boolean.TRUE.equals(r.get("whole_contract", Boolean.class)),
                                        Set.of(r.get("asset_ids", UUID[].class)),
                                        r.get("valid_until", LocalDate.class)))
                .one();
    }

    /** As {@link #facts}, empty optional when there is no id or no such approval. */
    public Mono<Optional<ApprovalFacts>> maybe(UUID id) {
        return id == null
                ? Mono.just(Optional.empty())
                : facts(id).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
