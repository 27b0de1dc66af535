package jp.azukari.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.ApprovalStatus;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.evidence.EvidenceLog;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Approvals a custodian asks for and a MANAGER decides (art. 2.3, 4, 5, 6). */
public class ApprovalService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final EvidenceLog evidence;

    public ApprovalService(
            DatabaseClient db,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone,
            EvidenceLog evidence) {
        this.db = db;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    public record Request(
            UUID contractId,
            ApprovalKind kind,
            UUID subcontractorPartyId,
            List<UUID> assetIds,
            LocalDate validUntil,
            String reason) {}

    public Mono<ApprovalView> request(Actor actor, Request r) {
        if (actor.role() != Role.CUSTODIAN && actor.role() != Role.MANAGER) {
            return Mono.error(
                    Problems.forbidden(
                            "Approvals are asked for by the contractor's CUSTODIAN (or registered by a MANAGER)"));
        }
        if (r.validUntil().isBefore(zone.today(clock))) {
            return Mono.error(
                    Problems.badRequest("validUntil " + r.validUntil() + " is in the past"));
        }
        boolean provide = r.kind() == ApprovalKind.PROVIDE_TO_SUBCONTRACTOR;
        if (provide != (r.subcontractorPartyId() != null)) {
            return Mono.error(
                    Problems.badRequest(
                            provide
                                    ? "A PROVIDE_TO_SUBCONTRACTOR approval names the subcontractor (subcontractorPartyId)"
                                    : "Only a PROVIDE_TO_SUBCONTRACTOR approval names a subcontractor"));
        }
        var assetIds = new LinkedHashSet<>(r.assetIds() == null ? List.<UUID>of() : r.assetIds());
        if (r.kind() == ApprovalKind.NETWORK_CONNECTION && !assetIds.isEmpty()) {
            return Mono.error(
                    Problems.badRequest(
                            "A NETWORK_CONNECTION approval covers the contract's connected devices, not assets"));
        }
        var contract =
                db.sql(
                                "SELECT c.id, c.contractor_party_id, c.status FROM contract c WHERE c.id = :id"
                                        + Scope.contract(actor))
                        .bind("id", r.contractId());
        contract = Scope.bind(contract, actor);
        UUID id = UUID.randomUUID();
        return contract.map(
                        row ->
                                new Object[] {
                                    row.get("contractor_party_id", UUID.class),
                                    row.get("status", String.class)
                                })
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Contract " + r.contractId())))
                .flatMap(
                        c -> {
                            if (actor.role() == Role.CUSTODIAN && !actor.partyId().equals(c[0])) {
                                return Mono.error(
                                        Problems.forbidden(
                                                "Only the contractor's CUSTODIAN asks for approvals on this contract"));
                            }
                            if ("CLOSED".equals(c[1])) {
                                return Mono.error(
                                        Problems.conflict(
                                                "contract-closed", "The contract is CLOSED"));
                            }
                            return Mono.empty();
                        })
                .then(provide ? checkSubcontractor(r.subcontractorPartyId()) : Mono.empty())
                .then(checkAssets(r.contractId(), assetIds))
                .then(tx.transactional(insert(actor, id, r, assetIds)))
                .then(find(actor, id));
    }

    private Mono<Void> insert(Actor actor, UUID id, Request r, java.util.Set<UUID> assetIds) {
        var spec =
                db.sql(
                                """
                        INSERT INTO approval (id, contract_id, kind, subcontractor_party_id, whole_contract, requested_by,
                                              requested_at, valid_until, reason)
                        VALUES (:id, :contract, :kind, :sub, :whole, :by, :at, :until, :reason)""")
                        .bind("id", id)
                        .bind("contract", r.contractId())
                        .bind("kind", r.kind().name())
                        .bind("whole", assetIds.isEmpty())
                        .bind("by", actor.userId())
                        .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                        .bind("until", r.validUntil())
                        .bind("reason", r.reason());
        spec =
                jp.azukari.platform.db.Binds.nullable(
                        spec, "sub", r.subcontractorPartyId(), UUID.class);
        Mono<Void> scope =
                assetIds.isEmpty()
                        ? Mono.empty()
                        : db.sql(
                                        """
                        INSERT INTO approval_asset (approval_id, asset_id)
                        SELECT :id, unnest(CAST(:assets AS uuid[]))""")
                                .bind("id", id)
                                .bind("assets", assetIds.toArray(UUID[]::new))
                                .then();
        return spec.then().then(scope);
    }

    private Mono<Void> checkSubcontractor(UUID partyId) {
        return db.sql("SELECT kind FROM party WHERE id = :id")
                .bind("id", partyId)
                .map(row -> row.get("kind", String.class))
                .one()
                .switchIfEmpty(
                        Mono.error(Problems.badRequest("subcontractorPartyId names no party")))
                .flatMap(
                        kind ->
                                "SUBCONTRACTOR".equals(kind)
                                        ? Mono.empty()
                                        : Mono.error(
                                                Problems.badRequest(
                                                        "subcontractorPartyId names a "
                                                                + kind
                                                                + " party, not a SUBCONTRACTOR")));
    }

    private Mono<Void> checkAssets(UUID contractId, java.util.Set<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(
                        "SELECT count(*) AS n FROM asset WHERE id = ANY(:ids) AND contract_id = :contract")
                .bind("ids", assetIds.toArray(UUID[]::new))
                .bind("contract", contractId)
                .map(row -> row.get("n", Long.class))
                .one()
                .flatMap(
                        n ->
                                n == assetIds.size()
                                        ? Mono.empty()
                                        : Mono.error(
                                                Problems.badRequest(
                                                        "Some assetIds are not assets of this contract")));
    }

    public record Decision(ApprovalStatus decision, String note, LocalDate validUntil) {}

    public Mono<ApprovalView> decide(Actor actor, UUID id, Decision d) {
        if (actor.role() != Role.MANAGER) {
            return Mono.error(Problems.forbidden("Only a MANAGER decides approvals"));
        }
        if (d.decision() == ApprovalStatus.PENDING) {
            return Mono.error(Problems.badRequest("decision must be APPROVED or REJECTED"));
        }
        if (d.validUntil() != null && d.validUntil().isBefore(zone.today(clock))) {
            return Mono.error(
                    Problems.badRequest("validUntil " + d.validUntil() + " is in the past"));
        }
        var update =
                db.sql(
                                """
                        UPDATE approval SET status = :status, decided_by = :by, decided_at = :at, decision_note = :note,
                               valid_until = COALESCE(CAST(:until AS date), valid_until)
                         WHERE id = :id AND status = 'PENDING' AND requested_by <> :by""")
                        .bind("status", d.decision().name())
                        .bind("by", actor.userId())
                        .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                        .bind("id", id);
        update = jp.azukari.platform.db.Binds.nullable(update, "note", d.note(), String.class);
        update =
                jp.azukari.platform.db.Binds.nullable(
                        update, "until", d.validUntil(), LocalDate.class);
        var decided = update;
        return find(actor, id)
                .flatMap(
                        a ->
                                a.requestedBy().equals(actor.userId())
                                        ? selfApproval(actor, a, d)
                                        : decided.fetch().rowsUpdated())
                .flatMap(
                        n ->
                                n == 1
                                        ? find(actor, id)
                                        : Mono.error(
                                                Problems.conflict(
                                                        "approval-already-decided",
                                                        "Approval "
                                                                + id
                                                                + " was already decided")));
    }

    /**
     * Separation of duties (art. 2.3): the requester never decides; the attempt is kept as
     * evidence.
     */
    private Mono<Long> selfApproval(Actor actor, ApprovalView approval, Decision d) {
        Refusal refusal =
                new Refusal(
                        RefusalCode.SELF_APPROVAL,
                        "You asked for approval "
                                + approval.id()
                                + " yourself: another MANAGER must decide it (separation of duties)");
        return evidence.record(
                        actor,
                        new EvidenceLog.Entry(
                                EvidenceLog.Kind.SELF_APPROVAL,
                                "/api/v1/approvals/{id}/decision",
                                null,
                                d.decision().name(),
                                approval.id(),
                                refusal.article(),
                                refusal.detail()))
                .then(Mono.error(new CustodyRefusedException(refusal, List.of())));
    }

    public Mono<ApprovalView> find(Actor actor, UUID id) {
        var spec =
                db.sql(ApprovalView.SELECT + " WHERE ap.id = :id" + Scope.approval(actor))
                        .bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(ApprovalView::read)
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Approval " + id)));
    }

    public Flux<ApprovalView> list(
            Actor actor, UUID contractId, String status, int limit, int offset) {
        var spec =
                db.sql(
                                ApprovalView.SELECT
                                        + """
                         WHERE (CAST(:contract AS uuid) IS NULL OR ap.contract_id = :contract)
                           AND (CAST(:status AS text) IS NULL OR ap.status = :status)"""
                                        + Scope.approval(actor)
                                        + " ORDER BY ap.requested_at DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "contract", contractId, UUID.class);
        spec = jp.azukari.platform.db.Binds.nullable(spec, "status", status, String.class);
        spec = Scope.bind(spec, actor);
        return spec.map(ApprovalView::read).all();
    }
}
