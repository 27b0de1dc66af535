package jp.azukari.scanner.counter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.core.scan.ScanResultCode;
import jp.azukari.scanner.client.Api;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.NewTransfer;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.ResolvedLabel;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.client.ScanResult;
import jp.azukari.scanner.client.Transfer;
import jp.azukari.scanner.label.Reading;

/**
 * An in-memory stand-in for the backend's API as docs/contracts.md describes it: idempotent on scan
 * id (a repeated id gets the first answer again), with switches to make it fail the way a real
 * server can.
 */
final class FakeServer implements Api {

    final List<ScanBatch> batches = new ArrayList<>();
    final Map<UUID, ScanResult> answered = new LinkedHashMap<>();
    final List<NewTransfer> transfers = new ArrayList<>();
    final List<String> forged = new ArrayList<>();

    /** Fail every call from this many successful scan batches on; -1 never. */
    int unavailableAfterBatches = -1;

    /** Record the batch, then lose the answer, as a connection dropped mid-response would. */
    boolean loseAnswers;

    Problem refuseBatches;
    Problem refuseTransfers;

    /**
     * Resolve labels to assets without an id, as an answer in a shape the client does not know
     * would.
     */
    boolean resolveWithoutAssetId;

    UUID transferId = UUID.randomUUID();
    List<Transfer.Line> lines = List.of();

    int scanCalls;

    @Override
    public ScanResult.Results postScans(ScanBatch batch) throws ApiException {
        scanCalls++;
        if (unavailableAfterBatches >= 0 && batches.size() >= unavailableAfterBatches) {
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.UNREACHABLE, "connection refused", null);
        }
        if (refuseBatches != null) {
            throw new ApiException.Refused(refuseBatches);
        }
        batches.add(batch);
        List<ScanResult> results = new ArrayList<>();
        for (ScanBatch.Scan scan : batch.scans()) {
            results.add(answered.computeIfAbsent(scan.scanId(), id -> result(scan)));
        }
        if (loseAnswers) {
            throw new ApiException.Unavailable(
                    ApiException.Unavailable.Why.UNREACHABLE, "connection reset", null);
        }
        return new ScanResult.Results(results);
    }

    @Override
    public Transfer transfer(UUID id) throws ApiException {
        return new Transfer(
                id,
                "HANDOFF",
                "OPEN",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                lines);
    }

    @Override
    public jp.azukari.scanner.client.Audit audit(UUID id) throws ApiException {
        return new jp.azukari.scanner.client.Audit(id, "party", null, "OPEN", 0, 0, 0, 0);
    }

    @Override
    public Transfer createTransfer(NewTransfer transfer, UUID requestId) throws ApiException {
        if (refuseTransfers != null) {
            throw new ApiException.Refused(refuseTransfers);
        }
        transfers.add(transfer);
        return new Transfer(
                transferId,
                transfer.kind(),
                "OPEN",
                UUID.randomUUID(),
                UUID.randomUUID(),
                transfer.toPartyId(),
                List.of());
    }

    @Override
    public ResolvedLabel resolve(String payload) throws ApiException {
        String tag = tag(payload);
        if (forged.contains(tag)) {
            throw new ApiException.Refused(
                    new Problem(null, "Forged label", 422, "MAC mismatch", "LABEL_FORGED", null));
        }
        return new ResolvedLabel(
                resolveWithoutAssetId ? null : assetId(tag),
                tag,
                "資料 " + tag,
                UUID.randomUUID(),
                "C-2026-01",
                "WITH_CONTRACTOR",
                UUID.randomUUID(),
                "株式会社テスト");
    }

    static UUID assetId(String tag) {
        return UUID.nameUUIDFromBytes(tag.getBytes(StandardCharsets.UTF_8));
    }

    private static ScanResult result(ScanBatch.Scan scan) {
        String tag = tag(scan.payload());
        ScanResultCode result =
                "LOOKUP".equals(scan.purpose()) ? ScanResultCode.FOUND : ScanResultCode.CONFIRMED;
        return new ScanResult(
                scan.scanId(), result, assetId(tag), tag, "資料 " + tag, null, null, null, null);
    }

    private static String tag(String payload) {
        return ((Reading.AzukariLabel) Reading.of(payload)).label().tag();
    }
}
