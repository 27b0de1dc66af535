package jp.azukari.scan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.TransferService.LineOutcome;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.scan.ScanService.Purpose;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CONFIRM scans of genuine labels, written together per transfer through {@link TransferService}
 * (the API's rules): each line's outcome becomes its scan's answer, and a label not on the transfer
 * leaves a SCANNED_UNEXPECTED event.
 */
final class ScanConfirmations {

    private final TransferService transfers;
    private final Ledger ledger;
    private final Clock clock;

    ScanConfirmations(TransferService transfers, Ledger ledger, Clock clock) {
        this.transfers = transfers;
        this.ledger = ledger;
        this.clock = clock;
    }

    Mono<Void> confirm(Actor actor, String deviceId, List<ScanWork> work) {
        Map<UUID, List<ScanWork>> byTransfer = new LinkedHashMap<>();
        for (ScanWork w : work) {
            if (w.result == null && w.asset != null && w.scan.purpose() == Purpose.CONFIRM) {
                byTransfer.computeIfAbsent(w.scan.transferId(), t -> new ArrayList<>()).add(w);
            }
        }
        return Flux.fromIterable(byTransfer.entrySet())
                .concatMap(e -> confirmTransfer(actor, deviceId, e.getKey(), e.getValue()))
                .then();
    }

    private Mono<Void> confirmTransfer(
            Actor actor, String deviceId, UUID transferId, List<ScanWork> scans) {
        Map<UUID, ScanWork> firstByAsset = new LinkedHashMap<>();
        Map<UUID, String> payloads = new HashMap<>();
        for (ScanWork w : scans) {
            if (firstByAsset.putIfAbsent(w.asset.id(), w) == null) {
                payloads.put(w.asset.id(), w.scan.payload());
            }
        }
        String location = scans.get(0).scan.location();
        var ctx = new ConfirmContext(deviceId, location, payloads, handling(scans));
        return transfers
                .confirmEach(actor, transferId, new ArrayList<>(firstByAsset.keySet()), ctx)
                .flatMap(
                        outcomes -> {
                            Map<UUID, LineOutcome> byAsset = new HashMap<>();
                            outcomes.forEach(o -> byAsset.put(o.assetId(), o));
                            List<NewEvent> unexpected = new ArrayList<>();
                            for (ScanWork w : scans) {
                                w.store = true;
                                if (firstByAsset.get(w.asset.id()) != w) {
                                    w.result =
                                            w.answer(
                                                    ScanResultCode.ALREADY_CONFIRMED,
                                                    null,
                                                    null,
                                                    "Scanned twice in this batch");
                                } else {
                                    answer(
                                            actor,
                                            deviceId,
                                            transferId,
                                            w,
                                            byAsset.get(w.asset.id()),
                                            unexpected);
                                }
                            }
                            return ledger.appendAll(unexpected).then();
                        })
                .onErrorResume(
                        ProblemException.class,
                        e -> {
                            // the transfer does not exist for this caller: nothing happened,
                            // nothing is kept
                            scans.forEach(
                                    w ->
                                            w.result =
                                                    ScanResult.of(
                                                            w.scan.scanId(),
                                                            ScanResultCode.NOT_ALLOWED,
                                                            "No such transfer for you"));
                            return Mono.empty();
                        });
    }

    /**
     * Art. 2.2: the transfer's acknowledgement, given once with any of its scans (a digest over a
     * plain yes).
     */
    private static HandlingAcknowledgement handling(List<ScanWork> scans) {
        return scans.stream()
                .map(w -> w.scan.handling())
                .reduce(
                        HandlingAcknowledgement.NONE,
                        (a, b) ->
                                b.digest() != null || (b.acknowledged() && a.digest() == null)
                                        ? b
                                        : a);
    }

    private void answer(
            Actor actor,
            String deviceId,
            UUID transferId,
            ScanWork w,
            LineOutcome o,
            List<NewEvent> unexpected) {
        if (o.confirmed()) {
            w.result = w.answer(ScanResultCode.CONFIRMED, null, null, "Custody taken");
            return;
        }
        String code = o.refusal().code();
        switch (code) {
            case "ALREADY_CONFIRMED" ->
                    w.result =
                            w.answer(
                                    ScanResultCode.ALREADY_CONFIRMED,
                                    code,
                                    null,
                                    "Already confirmed");
            case "NOT_ON_TRANSFER" -> {
                w.result =
                        w.answer(
                                ScanResultCode.NOT_ON_TRANSFER,
                                code,
                                null,
                                "This asset is not on this transfer");
                unexpected.add(
                        NewEvent.of(
                                        w.asset.id(),
                                        w.asset.contractId(),
                                        EventType.SCANNED_UNEXPECTED,
                                        actor.userId(),
                                        clock.instant())
                                .transfer(transferId)
                                .device(deviceId, w.scan.location())
                                .scanned(w.scan.payload())
                                .note("scanned while confirming a transfer it is not on")
                                .build());
            }
            case "ROLE_NOT_PERMITTED", "NOT_RECIPIENT" ->
                    w.result =
                            w.answer(
                                    ScanResultCode.NOT_ALLOWED,
                                    code,
                                    o.refusal().article(),
                                    o.refusal().detail());
            default ->
                    w.result =
                            w.answer(
                                    ScanResultCode.REFUSED,
                                    code,
                                    o.refusal().article(),
                                    o.refusal().detail());
        }
    }
}
