package jp.azukari.scanner.counter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import jp.azukari.scanner.client.Api;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.NewTransfer;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.ResolvedLabel;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.client.ScanResult;
import jp.azukari.scanner.client.Transfer;
import jp.azukari.scanner.input.Progress;
import jp.azukari.scanner.queue.QueueException;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.QueuedTransfer;
import jp.azukari.scanner.queue.ScanQueue;

/**
 * Delivers the queue to the server in the order things were read: consecutive scans go in batches
 * of at most 500 (or the batch size asked for) with their original scan ids and times; a transfer
 * request goes in its place. An item leaves the queue only when the server has answered it. When
 * the server cannot be used, delivery stops and everything from there on waits.
 */
public final class Courier {

    private final ScanQueue queue;
    private final Api api;
    private final String server;
    private final Consumer<Outcome> outcomes;
    private final Progress progress;
    private final int batchSize;

    public Courier(
            ScanQueue queue,
            Api api,
            String server,
            Consumer<Outcome> outcomes,
            Progress progress) {
        this(queue, api, server, outcomes, progress, ScanBatch.MAX_SCANS);
    }

    /** {@code batchSize} scans at most per request, 1 to {@link ScanBatch#MAX_SCANS}. */
    public Courier(
            ScanQueue queue,
            Api api,
            String server,
            Consumer<Outcome> outcomes,
            Progress progress,
            int batchSize) {
        if (batchSize < 1 || batchSize > ScanBatch.MAX_SCANS) {
            throw new IllegalArgumentException(
                    "a batch holds 1 to " + ScanBatch.MAX_SCANS + " scans, not " + batchSize);
        }
        this.queue = queue;
        this.api = api;
        this.server = server;
        this.outcomes = outcomes;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    /**
     * What a delivery round came to: {@code stopped} is null when everything for this server was
     * delivered.
     */
    public record Result(ApiException stopped, int waiting) {

        public boolean complete() {
            return stopped == null;
        }
    }

    public Result deliver() throws QueueException {
        List<QueueItem> items =
                queue.pending().stream().filter(item -> item.server().equals(server)).toList();
        int next = 0;
        try {
            while (next < items.size()) {
                progress.step(next, items.size(), "");
                if (items.get(next) instanceof QueuedTransfer request) {
                    deliver(request);
                    next++;
                } else {
                    List<QueuedScan> batch = batchFrom(items, next);
                    deliver(batch);
                    next += batch.size();
                }
            }
            return new Result(null, 0);
        } catch (ApiException e) {
            return new Result(e, items.size() - next);
        } finally {
            progress.step(items.size(), items.size(), "");
        }
    }

    /** Scans from one device, in a row, up to the batch size; a transfer request ends the batch. */
    private List<QueuedScan> batchFrom(List<QueueItem> items, int start) {
        List<QueuedScan> batch = new ArrayList<>();
        String device = items.get(start).deviceId();
        for (int i = start; i < items.size() && batch.size() < batchSize; i++) {
            if (!(items.get(i) instanceof QueuedScan scan) || !scan.deviceId().equals(device)) {
                break;
            }
            batch.add(scan);
        }
        return batch;
    }

    private void deliver(List<QueuedScan> batch) throws ApiException, QueueException {
        ScanBatch body =
                new ScanBatch(
                        batch.get(0).deviceId(),
                        batch.stream()
                                .map(
                                        scan ->
                                                new ScanBatch.Scan(
                                                        scan.scanId(),
                                                        scan.payload(),
                                                        scan.scannedAt(),
                                                        scan.purpose().name(),
                                                        scan.transferId(),
                                                        scan.auditId()))
                                .toList());
        List<Outcome> answered = new ArrayList<>();
        try {
            Map<UUID, ScanResult> results = byScanId(api.postScans(body), batch);
            batch.forEach(
                    scan ->
                            answered.add(
                                    new Outcome.ScanAnswered(scan, results.get(scan.scanId()))));
        } catch (ApiException.Refused refused) {
            if (retryLater(refused.problem())) {
                throw new ApiException.Unavailable(
                        ApiException.Unavailable.Why.SERVER_ERROR, refused.getMessage(), null);
            }
            batch.forEach(scan -> answered.add(new Outcome.ScanRefused(scan, refused.problem())));
        }
        queue.markDelivered(batch.stream().map(QueuedScan::scanId).toList());
        answered.forEach(outcomes);
    }

    /** Every scan sent must be answered exactly once; anything else is not an answer to rely on. */
    private static Map<UUID, ScanResult> byScanId(ScanResult.Results answer, List<QueuedScan> batch)
            throws ApiException.Unavailable {
        Map<UUID, ScanResult> results = new HashMap<>();
        if (answer.results() != null) {
            for (ScanResult result : answer.results()) {
                if (result != null && result.scanId() != null && result.result() != null) {
                    results.put(result.scanId(), result);
                }
            }
        }
        boolean complete =
                results.size() == batch.size()
                        && batch.stream().allMatch(scan -> results.containsKey(scan.scanId()));
        if (!complete) {
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.BAD_ANSWER,
                    "the server did not answer every scan of the batch",
                    null);
        }
        return results;
    }

    private void deliver(QueuedTransfer request) throws ApiException, QueueException {
        List<Outcome.TransferLabel> labels = new ArrayList<>();
        for (QueuedTransfer.LabelScan label : request.labels()) {
            labels.add(resolve(label));
        }
        Outcome ending;
        if (labels.stream().anyMatch(label -> label.problem() != null)) {
            ending = new Outcome.TransferNotStarted(request, null);
        } else {
            List<UUID> assets =
                    labels.stream().map(label -> label.asset().assetId()).distinct().toList();
            NewTransfer body =
                    new NewTransfer(
                            request.kind().name(),
                            request.toPartyId(),
                            request.approvalId(),
                            assets);
            try {
                Transfer transfer = api.createTransfer(body, request.requestId());
                ending = new Outcome.TransferStarted(request, transfer);
            } catch (ApiException.Refused refused) {
                if (retryLater(refused.problem())) {
                    throw new ApiException.Unavailable(
                            ApiException.Unavailable.Why.SERVER_ERROR, refused.getMessage(), null);
                }
                ending = new Outcome.TransferNotStarted(request, refused.problem());
            }
        }
        queue.markDelivered(List.of(request.requestId()));
        labels.forEach(outcomes);
        outcomes.accept(ending);
    }

    private Outcome.TransferLabel resolve(QueuedTransfer.LabelScan label) throws ApiException {
        try {
            ResolvedLabel asset = api.resolve(label.payload());
            if (asset.assetId() == null) {
                // Starting a transfer of "null" helps no one; the request waits for a server that
                // names its assets.
                throw new ApiException.Unavailable(
                        ApiException.Unavailable.Why.BAD_ANSWER,
                        "the label's asset has no id in the server's answer",
                        null);
            }
            return new Outcome.TransferLabel(label, asset, null);
        } catch (ApiException.Refused refused) {
            if (retryLater(refused.problem())) {
                throw new ApiException.Unavailable(
                        ApiException.Unavailable.Why.SERVER_ERROR, refused.getMessage(), null);
            }
            return new Outcome.TransferLabel(label, null, refused.problem());
        }
    }

    /**
     * A no for now, not for good: "too many requests", and a transfer request whose earlier copy
     * (sent before a lost answer) the server is still deciding: asked again later, its
     * Idempotency-Key gets that transfer.
     */
    private static boolean retryLater(Problem problem) {
        return problem.status() == 429
                || problem.status() == 409
                        && problem.type() != null
                        && problem.type().endsWith("/request-in-progress");
    }
}
