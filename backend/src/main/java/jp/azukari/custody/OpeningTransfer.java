package jp.azukari.custody;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.custody.CustodyRefusedException.RefusedAsset;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.TransferService.OpenRequest;
import jp.azukari.custody.domain.ApprovalFacts;
import jp.azukari.custody.domain.ContractFacts;
import jp.azukari.custody.domain.CustodyRules;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.custody.domain.RefusalCode;
import jp.azukari.custody.domain.StartRequest;
import jp.azukari.custody.persistence.AssetRow;
import jp.azukari.custody.persistence.IdempotencyKeys;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.custody.persistence.TransferWrites;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opening a transfer (SPEC §4): the sending side names the assets and the receiver; every asset
 * must be allowed by {@link CustodyRules#start}, or none moves and each refusal is recorded.
 */
public class OpeningTransfer {

    public static final int MAX_ASSETS = 1000;

    private final TransferQueries queries;
    private final TransferWrites writes;
    private final IdempotencyKeys keys;
    private final PriorApprovals approvals;
    private final Ledger ledger;
    private final RecordedRefusals refusals;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public OpeningTransfer(
            TransferQueries queries,
            TransferWrites writes,
            IdempotencyKeys keys,
            PriorApprovals approvals,
            Ledger ledger,
            RecordedRefusals refusals,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone) {
        this.queries = queries;
        this.writes = writes;
        this.keys = keys;
        this.approvals = approvals;
        this.ledger = ledger;
        this.refusals = refusals;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    private record Allowed(AssetRow asset, Decision.Allowed route) {}

    public Mono<TransferView> open(Actor actor, OpenRequest req) {
        var ids = new LinkedHashSet<>(req.assetIds());
        if (ids.isEmpty() || ids.size() > MAX_ASSETS) {
            return Mono.error(
                    Problems.badRequest(
                            "A transfer holds between 1 and " + MAX_ASSETS + " distinct assets"));
        }
        return queries.assets(actor, ids)
                .flatMap(
                        assets -> {
                            var contractIds =
                                    assets.stream().map(AssetRow::contractId).distinct().toList();
                            if (contractIds.size() != 1) {
                                return Mono.error(
                                        Problems.exception(
                                                jp.azukari.platform.problem.ProblemKind
                                                        .UNPROCESSABLE_CONTENT,
                                                "mixed-contracts",
                                                "Assets of several contracts",
                                                "One transfer moves assets of one contract only"));
                            }
                            return Mono.zip(
                                            queries.contractFacts(contractIds.get(0)),
                                            approvals.maybe(req.approvalId()),
                                            queries.partyKind(req.toPartyId()))
                                    .flatMap(
                                            t ->
                                                    decide(
                                                            actor,
                                                            req,
                                                            assets,
                                                            t.getT1(),
                                                            t.getT2().orElse(null),
                                                            t.getT3().orElse(null)));
                        });
    }

    private Mono<TransferView> decide(
            Actor actor,
            OpenRequest req,
            List<AssetRow> assets,
            ContractFacts contract,
            ApprovalFacts approval,
            PartyKind toKind) {
        LocalDate today = zone.today(clock);
        var start =
                new StartRequest(
                        req.kind(), actor, contract, req.toPartyId(), toKind, approval, today);
        List<Allowed> allowed = new ArrayList<>();
        List<RefusedAsset> refused = new ArrayList<>();
        Refusal first = null;
        for (AssetRow a : assets) {
            Decision d = CustodyRules.start(start, a.facts());
            if (d instanceof Decision.Refused r) {
                first = first == null ? r.refusal() : first;
                refused.add(RefusedAsset.of(a.id(), a.tag(), r.refusal()));
            } else {
                allowed.add(new Allowed(a, (Decision.Allowed) d));
            }
        }
        if (!refused.isEmpty()) {
            return refusals.refuseTransfer(
                    actor,
                    contract.id(),
                    req.kind(),
                    null,
                    req.approvalId(),
                    first,
                    refused,
                    ConfirmContext.api(null, null));
        }
        UUID transferId = UUID.randomUUID();
        Decision.Allowed route = allowed.get(0).route();
        Instant now = clock.instant();
        List<NewEvent> events =
                allowed.stream()
                        .map(
                                a ->
                                        NewEvent.of(
                                                        a.asset().id(),
                                                        contract.id(),
                                                        EventType.TRANSFER_OPENED,
                                                        actor.userId(),
                                                        now)
                                                .parties(route.fromPartyId(), route.toPartyId())
                                                .transfer(transferId)
                                                .approval(req.approvalId())
                                                .note(
                                                        req.kind()
                                                                + (req.note() == null
                                                                        ? ""
                                                                        : ": " + req.note()))
                                                .build())
                        .toList();
        UUID[] assetIds = allowed.stream().map(a -> a.asset().id()).toArray(UUID[]::new);
        Mono<Void> remember =
                req.idempotencyKey() == null
                        ? Mono.empty()
                        : keys.remember(actor.userId(), req.idempotencyKey(), transferId);
        Mono<Void> write =
                ledger.appendAll(events)
                        .then(
                                writes.insert(
                                        new TransferWrites.NewTransfer(
                                                transferId,
                                                req.kind(),
                                                contract.id(),
                                                route.fromPartyId(),
                                                route.toPartyId(),
                                                req.approvalId(),
                                                actor.userId(),
                                                now,
                                                assetIds)))
                        .then(remember);
        return tx.transactional(write)
                .onErrorResume(
                        OpeningTransfer::isUniqueViolation,
                        e -> {
                            Refusal r = Refusal.of(RefusalCode.ALREADY_IN_TRANSFER);
                            List<RefusedAsset> all =
                                    allowed.stream()
                                            .map(
                                                    a ->
                                                            RefusedAsset.of(
                                                                    a.asset().id(),
                                                                    a.asset().tag(),
                                                                    r))
                                            .toList();
                            return refusals.refuseTransfer(
                                            actor,
                                            contract.id(),
                                            req.kind(),
                                            null,
                                            req.approvalId(),
                                            r,
                                            all,
                                            ConfirmContext.api(null, null))
                                    .then();
                        })
                .then(queries.find(actor, transferId));
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof DataIntegrityViolationException
                || e instanceof R2dbcDataIntegrityViolationException;
    }
}
