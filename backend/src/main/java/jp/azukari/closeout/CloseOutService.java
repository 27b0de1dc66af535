package jp.azukari.closeout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.contract.ContractView;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.custody.domain.ContractStatus;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A MANAGER marks a contract COMPLETED when the work is done (everything held becomes due that day,
 * art. 6), then CLOSED once nothing is outstanding (art. 6, 7). A refused close lists what is
 * outstanding and who holds it, and is written to the ledger of each of those assets.
 */
public class CloseOutService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RecordedRefusals refusals;
    private final ContractService contracts;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public CloseOutService(
            DatabaseClient db,
            TransactionalOperator tx,
            RecordedRefusals refusals,
            ContractService contracts,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.refusals = refusals;
        this.contracts = contracts;
        this.clock = clock;
        this.zone = zone;
    }

    private record ContractRow(UUID id, String number, String status, LocalDate startsOn) {}

    public Mono<ContractView> complete(Actor actor, UUID contractId, LocalDate completedOn) {
        LocalDate today = zone.today(clock);
        LocalDate on = completedOn == null ? today : completedOn;
        if (on.isAfter(today)) {
            return Mono.error(
                    Problems.invalidField(
                            "completedOn", "must not be in the future (today is " + today + ")"));
        }
        Mono<Void> work =
                lock(contractId)
                        .flatMap(
                                c -> {
                                    if (CloseOutRules.complete(
                                                    c.number(), ContractStatus.valueOf(c.status()))
                                            instanceof Decision.Refused refused) {
                                        return Mono.error(
                                                CustodyRefusedException.answer(
                                                        "contract-not-active",
                                                        "Conflict",
                                                        refused.refusal()));
                                    }
                                    if (on.isBefore(c.startsOn())) {
                                        return Mono.error(
                                                Problems.invalidField(
                                                        "completedOn",
                                                        "must not be before the contract starts ("
                                                                + c.startsOn()
                                                                + ")"));
                                    }
                                    return db.sql(
                                                    """
                            UPDATE contract SET status = 'COMPLETED', completed_on = :on, completed_by = :by WHERE id = :id""")
                                            .bind("on", on)
                                            .bind("by", actor.userId())
                                            .bind("id", contractId)
                                            .then()
                                            // everything held is due at once (art. 6); SPEC §4 due
                                            // dates never move later
                                            .then(
                                                    db.sql(
                                                                    """
                                    UPDATE asset SET due_on = :on
                                     WHERE contract_id = :id AND custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')
                                       AND (due_on IS NULL OR due_on > :on)""")
                                                            .bind("on", on)
                                                            .bind("id", contractId)
                                                            .then());
                                });
        return Access.require(actor, "mark a contract COMPLETED", Role.MANAGER)
                .then(tx.transactional(work))
                .then(contracts.find(actor, contractId));
    }

    public Mono<ContractView> close(Actor actor, UUID contractId) {
        Mono<List<CloseOutRules.Outstanding>> work =
                lock(contractId)
                        .flatMap(
                                c -> {
                                    if (CloseOutRules.close(
                                                    c.number(), ContractStatus.valueOf(c.status()))
                                            instanceof Decision.Refused refused) {
                                        return Mono.error(
                                                CustodyRefusedException.answer(
                                                        "contract-not-completed",
                                                        "Conflict",
                                                        refused.refusal()));
                                    }
                                    return outstanding(contractId)
                                            .flatMap(
                                                    out ->
                                                            !out.isEmpty()
                                                                    ? Mono.just(out)
                                                                    : db.sql(
                                                                                    "UPDATE contract SET status = 'CLOSED', closed_at = :at, closed_by = :by WHERE id = :id")
                                                                            .bind(
                                                                                    "at",
                                                                                    OffsetDateTime
                                                                                            .ofInstant(
                                                                                                    clock
                                                                                                            .instant(),
                                                                                                    ZoneOffset
                                                                                                            .UTC))
                                                                            .bind(
                                                                                    "by",
                                                                                    actor.userId())
                                                                            .bind("id", contractId)
                                                                            .then()
                                                                            .thenReturn(out));
                                });
        return Access.require(actor, "close a contract", Role.MANAGER)
                .then(tx.transactional(work))
                .flatMap(
                        out ->
                                out.isEmpty()
                                        ? contracts.find(actor, contractId)
                                        : refuse(actor, contractId, out));
    }

    private Mono<ContractView> refuse(
            Actor actor, UUID contractId, List<CloseOutRules.Outstanding> outstanding) {
        String article = CloseOutRules.article(outstanding);
        long bySub =
                outstanding.stream()
                        .filter(o -> o.reason() == CloseOutRules.Reason.HELD_BY_SUBCONTRACTOR)
                        .count();
        String detail =
                outstanding.size()
                        + " asset(s) outstanding"
                        + (bySub > 0
                                ? ", "
                                        + bySub
                                        + " held by a subcontractor: the contractor must recover them first (art. 7)"
                                : ": return or dispose of them (art. 6)");
        Refusal first = new Refusal(RefusalCode.OUTSTANDING_ASSETS, detail);
        List<RefusedAsset> refused =
                outstanding.stream()
                        .map(
                                o ->
                                        new RefusedAsset(
                                                o.assetId(),
                                                o.tag(),
                                                RefusalCode.OUTSTANDING_ASSETS.name(),
                                                o.article(),
                                                o.detail()))
                        .toList();
        return refusals.<ContractView>refuse(
                        actor,
                        new RecordedRefusals.Attempt("CLOSE", contractId, null, null),
                        first,
                        refused)
                .onErrorMap(
                        CustodyRefusedException.class,
                        e -> {
                            e.with("article", article).with("outstanding", outstanding);
                            return e;
                        });
    }

    private Mono<ContractRow> lock(UUID contractId) {
        return db.sql(
                        "SELECT id, number, status, starts_on FROM contract WHERE id = :id FOR UPDATE")
                .bind("id", contractId)
                .map(
                        r ->
                                new ContractRow(
                                        r.get("id", UUID.class),
                                        r.get("number", String.class),
                                        r.get("status", String.class),
                                        r.get("starts_on", LocalDate.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)));
    }

    /** Held outside, in an open transfer, or LOST without a closed LOSS or THEFT incident. */
    public Mono<List<CloseOutRules.Outstanding>> outstanding(UUID contractId) {
        return db.sql(
                        """
                        SELECT a.id, a.tag, a.title, a.custody_state, a.holder_party_id, p.name AS holder_name,
                               p.kind AS holder_kind, ot.id AS transfer_id, ot.kind AS transfer_kind
                          FROM asset a
                          JOIN party p ON p.id = a.holder_party_id
                          LEFT JOIN LATERAL (SELECT t.id, t.kind FROM transfer_line l JOIN transfer t ON t.id = l.transfer_id
                                              WHERE l.asset_id = a.id AND l.status = 'PENDING') ot ON true
                         WHERE a.contract_id = :id
                           AND (a.custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')
                                OR ot.id IS NOT NULL
                                OR (a.custody_state = 'LOST'
                                    AND NOT EXISTS (SELECT 1 FROM incident_asset ia JOIN incident i ON i.id = ia.incident_id
                                                     WHERE ia.asset_id = a.id AND i.kind IN ('LOSS', 'THEFT')
                                                       AND i.status = 'CLOSED')))""")
                .bind("id", contractId)
                .map(
                        r -> {
                            UUID transfer = r.get("transfer_id", UUID.class);
                            String state = r.get("custody_state", String.class);
                            String holderKind = r.get("holder_kind", String.class);
                            return new CloseOutRules.Outstanding(
                                    r.get("id", UUID.class),
                                    r.get("tag", String.class),
                                    r.get("title", String.class),
                                    state,
                                    r.get("holder_party_id", UUID.class),
                                    r.get("holder_name", String.class),
                                    holderKind,
                                    CloseOutRules.reason(state, holderKind, transfer != null),
                                    transfer,
                                    r.get("transfer_kind", String.class));
                        })
                .all()
                .collectList()
                .map(CloseOutRules::inChaseOrder);
    }
}
