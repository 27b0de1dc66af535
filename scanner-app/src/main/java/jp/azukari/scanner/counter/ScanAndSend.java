package jp.azukari.scanner.counter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.Purpose;
import jp.azukari.scanner.queue.QueueException;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.ScanQueue;

/**
 * Confirm, lookup and audit: each label gets its scan id and time when read, is journaled and
 * synced, and only then sent. Live inputs send as they go, so the person sees each answer at once;
 * files are sent in batches at the end.
 */
public final class ScanAndSend implements Action {

    private final ScanQueue queue;
    private final Deliverer deliverer;
    private final Station station;
    private final Purpose purpose;
    private final UUID transferId;
    private final UUID auditId;
    private final boolean live;
    private final Consumer<Outcome> outcomes;
    private final Map<UUID, QueuedScan> mine = new LinkedHashMap<>();
    private final Set<UUID> toldQueued = new HashSet<>();

    public ScanAndSend(
            ScanQueue queue,
            Deliverer deliverer,
            Station station,
            Purpose purpose,
            UUID transferId,
            boolean live,
            Consumer<Outcome> outcomes) {
        this(queue, deliverer, station, purpose, transferId, null, live, outcomes);
    }

    /** {@code auditId}: the open audit an AUDIT scan goes into (null for CONFIRM and LOOKUP). */
    public ScanAndSend(
            ScanQueue queue,
            Deliverer deliverer,
            Station station,
            Purpose purpose,
            UUID transferId,
            UUID auditId,
            boolean live,
            Consumer<Outcome> outcomes) {
        this.auditId = auditId;
        this.queue = queue;
        this.deliverer = deliverer;
        this.station = station;
        this.purpose = purpose;
        this.transferId = transferId;
        this.live = live;
        this.outcomes = outcomes;
    }

    @Override
    public void read(String source, Instant readAt, List<Reading.AzukariLabel> labels)
            throws QueueException {
        List<QueuedScan> scans = new ArrayList<>();
        for (Reading.AzukariLabel label : labels) {
            scans.add(
                    new QueuedScan(
                            UUID.randomUUID(),
                            station.server(),
                            station.deviceId(),
                            label.canonical(),
                            readAt,
                            purpose,
                            transferId,
                            source,
                            auditId));
        }
        queue.add(scans);
        scans.forEach(scan -> mine.put(scan.scanId(), scan));
        if (live || queue.size() >= ScanBatch.MAX_SCANS) {
            deliverer.deliver(false);
            if (live) {
                tellWhatWaits();
            }
        }
    }

    @Override
    public void finish() throws QueueException {
        deliverer.deliver(true);
        tellWhatWaits();
    }

    /** Scans of this run that are still queued, each said once. */
    private void tellWhatWaits() {
        Set<UUID> waiting = new HashSet<>();
        for (QueueItem item : queue.pending()) {
            waiting.add(item.id());
        }
        for (QueuedScan scan : mine.values()) {
            if (waiting.contains(scan.scanId()) && toldQueued.add(scan.scanId())) {
                outcomes.accept(new Outcome.ScanQueued(scan));
            }
        }
    }
}
