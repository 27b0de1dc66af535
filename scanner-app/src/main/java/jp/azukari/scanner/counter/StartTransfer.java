package jp.azukari.scanner.counter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.QueueException;
import jp.azukari.scanner.queue.QueuedTransfer;
import jp.azukari.scanner.queue.ScanQueue;

/**
 * Starts a handoff, recovery or return of the assets whose labels are read. The request is
 * journaled as one unit when reading ends, then delivered: every label must resolve to an asset, or
 * the transfer is not started at all.
 */
public final class StartTransfer implements Action {

    private final ScanQueue queue;
    private final Deliverer deliverer;
    private final Station station;
    private final TransferKind kind;
    private final UUID toPartyId;
    private final UUID approvalId;
    private final Clock clock;
    private final Consumer<Outcome> outcomes;
    private final List<QueuedTransfer.LabelScan> labels = new ArrayList<>();

    public StartTransfer(
            ScanQueue queue,
            Deliverer deliverer,
            Station station,
            TransferKind kind,
            UUID toPartyId,
            UUID approvalId,
            Clock clock,
            Consumer<Outcome> outcomes) {
        this.queue = queue;
        this.deliverer = deliverer;
        this.station = station;
        this.kind = kind;
        this.toPartyId = toPartyId;
        this.approvalId = approvalId;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    @Override
    public void read(String source, Instant readAt, List<Reading.AzukariLabel> read) {
        read.forEach(
                label ->
                        labels.add(
                                new QueuedTransfer.LabelScan(
                                        UUID.randomUUID(), label.canonical(), readAt, source)));
    }

    @Override
    public void finish() throws QueueException {
        if (labels.isEmpty()) {
            return;
        }
        QueuedTransfer request =
                new QueuedTransfer(
                        UUID.randomUUID(),
                        station.server(),
                        station.deviceId(),
                        clock.instant(),
                        kind,
                        toPartyId,
                        approvalId,
                        labels);
        queue.add(List.of(request));
        deliverer.deliver(true);
        if (queue.pending().stream().anyMatch(item -> item.id().equals(request.requestId()))) {
            outcomes.accept(new Outcome.TransferQueued(request));
        }
    }
}
