package jp.azukari.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.TransferService.LineOutcome;
import jp.azukari.custody.persistence.TransferRow;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.AgencyTimeZone;
import reactor.core.publisher.Mono;

/**
 * Confirms each line on its own merits, inside the caller's transaction: allowed lines move,
 * refused ones are recorded as REFUSED events (lines that exist) and reported. Scans use it, so one
 * bad scan spoils nothing.
 */
public class ConfirmingEachLine {

    private final ConfirmingTransfer confirming;
    private final Ledger ledger;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public ConfirmingEachLine(
            ConfirmingTransfer confirming, Ledger ledger, Clock clock, AgencyTimeZone zone) {
        this.confirming = confirming;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    public Mono<List<LineOutcome>> confirmEach(
            Actor actor, UUID transferId, List<UUID> assetIds, ConfirmContext ctx) {
        var ids = new LinkedHashSet<>(assetIds);
        LocalDate today = zone.today(clock);
        Instant now = clock.instant();
        return confirming
                .lockAndDecide(actor, transferId, ids, today, ctx.handling())
                .flatMap(
                        d -> {
                            TransferRow t = d.transfer();
                            List<NewEvent> refusals =
                                    d.refused().stream()
                                            .filter(r -> r.tag() != null)
                                            .map(
                                                    r ->
                                                            NewEvent.of(
                                                                            r.assetId(),
                                                                            t.contractId(),
                                                                            EventType.REFUSED,
                                                                            actor.userId(),
                                                                            now)
                                                                    .transfer(t.id())
                                                                    .approval(t.approvalId())
                                                                    .refusal(r.code(), r.article())
                                                                    .device(
                                                                            ctx.deviceId(),
                                                                            ctx.location())
                                                                    .scanned(
                                                                            ctx.scannedPayloads()
                                                                                    .get(
                                                                                            r
                                                                                                    .assetId()))
                                                                    .note(
                                                                            t.kind()
                                                                                    + " confirmation refused: "
                                                                                    + r.detail())
                                                                    .build())
                                            .toList();
                            Mono<?> moved =
                                    d.allowed().isEmpty()
                                            ? Mono.empty()
                                            : confirming.confirmLines(
                                                    actor, t, d.allowed(), d.after(), ctx, now);
                            List<LineOutcome> outcomes = new ArrayList<>();
                            d.allowed()
                                    .forEach(
                                            l ->
                                                    outcomes.add(
                                                            new LineOutcome(
                                                                    l.assetId(), true, null)));
                            d.refused()
                                    .forEach(
                                            r ->
                                                    outcomes.add(
                                                            new LineOutcome(
                                                                    r.assetId(), false, r)));
                            return moved.then(ledger.appendAll(refusals))
                                    .thenReturn(List.copyOf(outcomes));
                        });
    }
}
