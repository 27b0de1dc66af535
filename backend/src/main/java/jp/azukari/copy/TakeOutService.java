package jp.azukari.copy;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.PriorApprovals;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Taking an asset off the holder's premises (art. 2.3) needs an APPROVED TAKE_OUT approval covering
 * it; leaving and coming back are TAKEN_OUT and BROUGHT_BACK events in the asset's history.
 */
public class TakeOutService {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Ledger ledger;
    private final RecordedRefusals refusals;
    private final PriorApprovals approvals;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public TakeOutService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            RecordedRefusals refusals,
            PriorApprovals approvals,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.refusals = refusals;
        this.approvals = approvals;
        this.clock = clock;
        this.zone = zone;
    }

    public record Request(UUID approvalId, String destination, String purpose) {}

    public Mono<TakeOutView> takeOut(Actor actor, UUID assetId, Request req) {
        LocalDate today = zone.today(clock);
        return HeldAsset.load(db, actor, assetId, false)
                .flatMap(
                        a ->
                                approvals
                                        .candidates(
                                                a.facts().contractId(),
                                                ApprovalKind.TAKE_OUT,
                                                req.approvalId())
                                        .flatMap(
                                                candidates -> {
                                                    var outcome =
                                                            CopyRules.takeOut(
                                                                    actor,
                                                                    a.facts(),
                                                                    a.contractStatus(),
                                                                    a.openTakeOutId() != null,
                                                                    candidates,
                                                                    today);
                                                    if (outcome instanceof Decision.Refused r) {
                                                        return refusals.<UUID>refuse(
                                                                actor,
                                                                new RecordedRefusals.Attempt(
                                                                        "TAKE_OUT",
                                                                        a.facts().contractId(),
                                                                        req.approvalId(),
                                                                        null),
                                                                assetId,
                                                                a.tag(),
                                                                r.refusal());
                                                    }
                                                    return tx.transactional(
                                                            recordOut(
                                                                    actor,
                                                                    assetId,
                                                                    ((Decision.Granted) outcome)
                                                                            .approval()
                                                                            .id(),
                                                                    req));
                                                }))
                .flatMap(id -> find(actor, id));
    }

    private Mono<UUID> recordOut(Actor actor, UUID assetId, UUID approvalId, Request req) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return HeldAsset.load(db, actor, assetId, true)
                .flatMap(
                        a -> {
                            if (a.openTakeOutId() != null
                                    || a.facts().inOpenTransfer()
                                    || !actor.partyId().equals(a.facts().holderPartyId())) {
                                return Mono.error(
                                        Problems.conflict(
                                                "asset-changed",
                                                "The asset changed while the take-out was being recorded"));
                            }
                            var insert =
                                    db.sql(
                                                    """
                            INSERT INTO take_out (id, asset_id, contract_id, approval_id, party_id, destination, purpose,
                                                  taken_out_by, taken_out_at)
                            VALUES (:id, :asset, :contract, :approval, :party, :destination, :purpose, :by, :at)""")
                                            .bind("id", id)
                                            .bind("asset", assetId)
                                            .bind("contract", a.facts().contractId())
                                            .bind("approval", approvalId)
                                            .bind("party", actor.partyId())
                                            .bind("destination", req.destination())
                                            .bind("by", actor.userId())
                                            .bind(
                                                    "at",
                                                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                            insert = Binds.nullable(insert, "purpose", req.purpose(), String.class);
                            return insert.then()
                                    .then(
                                            ledger.append(
                                                    NewEvent.of(
                                                                    assetId,
                                                                    a.facts().contractId(),
                                                                    EventType.TAKEN_OUT,
                                                                    actor.userId(),
                                                                    now)
                                                            .parties(
                                                                    actor.partyId(),
                                                                    actor.partyId())
                                                            .approval(approvalId)
                                                            .device(null, req.destination())
                                                            .note(
                                                                    "to "
                                                                            + req.destination()
                                                                            + (req.purpose() == null
                                                                                    ? ""
                                                                                    : " for "
                                                                                            + req
                                                                                                    .purpose()))
                                                            .build()))
                                    .thenReturn(id);
                        });
    }

    /** The holder's custodian records the asset back on the premises. */
    public Mono<TakeOutView> bringBack(Actor actor, UUID takeOutId, String note) {
        Instant now = clock.instant();
        Mono<UUID> work =
                find(actor, takeOutId)
                        .flatMap(
                                t ->
                                        HeldAsset.load(db, actor, t.assetId(), true)
                                                .flatMap(
                                                        a -> {
                                                            if (CopyRules.bringBack(
                                                                            actor,
                                                                            t.partyId(),
                                                                            t.broughtBackAt()
                                                                                    != null)
                                                                    instanceof
                                                                    Decision.Refused refused) {
                                                                Refusal r = refused.refusal();
                                                                return r.code()
                                                                                == RefusalCode
                                                                                        .ALREADY_BROUGHT_BACK
                                                                        ? Mono.error(
                                                                                CustodyRefusedException
                                                                                        .answer(
                                                                                                "already-brought-back",
                                                                                                "Conflict",
                                                                                                new Refusal(
                                                                                                        r
                                                                                                                .code(),
                                                                                                        "Take-out "
                                                                                                                + takeOutId
                                                                                                                + " was already brought back")))
                                                                        : Mono.error(
                                                                                CustodyRefusedException
                                                                                        .answer(
                                                                                                "forbidden",
                                                                                                "Forbidden",
                                                                                                r));
                                                            }
                                                            return db.sql(
                                                                            """
                                    UPDATE take_out SET brought_back_by = :by, brought_back_at = :at
                                     WHERE id = :id AND brought_back_at IS NULL""")
                                                                    .bind("by", actor.userId())
                                                                    .bind(
                                                                            "at",
                                                                            OffsetDateTime
                                                                                    .ofInstant(
                                                                                            now,
                                                                                            ZoneOffset
                                                                                                    .UTC))
                                                                    .bind("id", takeOutId)
                                                                    .then()
                                                                    .then(
                                                                            ledger.append(
                                                                                    NewEvent.of(
                                                                                                    t
                                                                                                            .assetId(),
                                                                                                    a.facts()
                                                                                                            .contractId(),
                                                                                                    EventType
                                                                                                            .BROUGHT_BACK,
                                                                                                    actor
                                                                                                            .userId(),
                                                                                                    now)
                                                                                            .parties(
                                                                                                    actor
                                                                                                            .partyId(),
                                                                                                    actor
                                                                                                            .partyId())
                                                                                            .approval(
                                                                                                    t
                                                                                                            .approvalId())
                                                                                            .note(
                                                                                                    "back from "
                                                                                                            + t
                                                                                                                    .destination()
                                                                                                            + (note
                                                                                                                            == null
                                                                                                                    ? ""
                                                                                                                    : ": "
                                                                                                                            + note))
                                                                                            .build()))
                                                                    .thenReturn(takeOutId);
                                                        }));
        return tx.transactional(work).flatMap(id -> find(actor, id));
    }

    private static final String SELECT =
            "SELECT t.*, a.tag FROM take_out t JOIN asset a ON a.id = t.asset_id";

    public Mono<TakeOutView> find(Actor actor, UUID id) {
        var spec = db.sql(SELECT + " WHERE t.id = :id" + Scope.asset(actor)).bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(TakeOutService::view)
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Take-out " + id)));
    }

    public Flux<TakeOutView> ofAsset(Actor actor, UUID assetId) {
        return HeldAsset.load(db, actor, assetId, false)
                .thenMany(
                        db.sql(SELECT + " WHERE t.asset_id = :id ORDER BY t.taken_out_at")
                                .bind("id", assetId)
                                .map(TakeOutService::view)
                                .all());
    }

    private static TakeOutView view(Readable r) {
        OffsetDateTime back = r.get("brought_back_at", OffsetDateTime.class);
        return new TakeOutView(
                r.get("id", UUID.class),
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("approval_id", UUID.class),
                r.get("party_id", UUID.class),
                r.get("destination", String.class),
                r.get("purpose", String.class),
                r.get("taken_out_by", UUID.class),
                r.get("taken_out_at", OffsetDateTime.class).toInstant(),
                r.get("brought_back_by", UUID.class),
                back == null ? null : back.toInstant());
    }
}
