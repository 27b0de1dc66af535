package jp.azukari.scanner.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.input.Progress;
import jp.azukari.scanner.queue.Purpose;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.QueuedTransfer;
import jp.azukari.scanner.queue.ScanQueue;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CourierTests {

    private static final String SERVER = "https://azukari.example.jp";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-11-25T09:30:00Z");

    @TempDir Path folder;

    private final FakeServer server = new FakeServer();
    private final List<Outcome> outcomes = new ArrayList<>();

    @Test
    void scansGoInOrderInBatchesOfAtMostFiveHundredWithTheirOriginalIdsAndTimes() throws Exception {
        List<QueuedScan> scans = scans("counter-1", 1201);
        try (ScanQueue queue = queueWith(scans)) {
            Courier.Result result = courier(queue).deliver();

            assertThat(result.complete()).isTrue();
            assertThat(server.batches)
                    .extracting(batch -> batch.scans().size())
                    .containsExactly(500, 500, 201);
            List<ScanBatch.Scan> sent =
                    server.batches.stream().flatMap(batch -> batch.scans().stream()).toList();
            assertThat(sent)
                    .extracting(ScanBatch.Scan::scanId)
                    .containsExactlyElementsOf(ids(scans));
            assertThat(sent)
                    .extracting(ScanBatch.Scan::scannedAt)
                    .containsExactlyElementsOf(scans.stream().map(QueuedScan::scannedAt).toList());
            assertThat(queue.pending()).isEmpty();
            assertThat(outcomes).hasSize(1201).allMatch(o -> o.mark() == Outcome.Mark.OK);
        }
    }

    @Test
    void whenTheServerGoesAwayTheRestWaitsInOrder() throws Exception {
        List<QueuedScan> scans = scans("counter-1", 700);
        server.unavailableAfterBatches = 1;
        try (ScanQueue queue = queueWith(scans)) {
            Courier.Result result = courier(queue).deliver();

            assertThat(result.stopped()).isInstanceOf(ApiException.Unavailable.class);
            assertThat(result.waiting()).isEqualTo(200);
            assertThat(queue.pending()).containsExactlyElementsOf(scans.subList(500, 700));
        }
        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactlyElementsOf(scans.subList(500, 700));
        }
    }

    @Test
    void anAnswerLostOnTheWayIsAskedForAgainWithTheSameScanIdsSoTheServerCountsNothingTwice()
            throws Exception {
        List<QueuedScan> scans = scans("counter-1", 3);
        server.loseAnswers = true;
        try (ScanQueue queue = queueWith(scans)) {
            assertThat(courier(queue).deliver().complete()).isFalse();
            assertThat(queue.pending()).containsExactlyElementsOf(scans);
        }

        server.loseAnswers = false;
        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(courier(reopened).deliver().complete()).isTrue();
        }

        assertThat(server.batches).hasSize(2);
        assertThat(server.batches.get(1).scans())
                .extracting(ScanBatch.Scan::scanId)
                .containsExactlyElementsOf(ids(scans));
        assertThat(server.answered).hasSize(3);
    }

    @Test
    void aBatchTheServerRefusesOutrightIsReportedAsFailedAndLeavesTheQueue() throws Exception {
        server.refuseBatches =
                new Problem(null, "Forbidden", 403, "auditors cannot scan", null, null);
        try (ScanQueue queue = queueWith(scans("counter-1", 2))) {
            assertThat(courier(queue).deliver().complete()).isTrue();

            assertThat(queue.pending()).isEmpty();
            assertThat(outcomes).hasSize(2).allMatch(Outcome.ScanRefused.class::isInstance);
        }
    }

    @Test
    void tooManyRequestsIsANoForNowAndTheScansWait() throws Exception {
        server.refuseBatches = new Problem(null, "Too Many Requests", 429, null, null, null);
        try (ScanQueue queue = queueWith(scans("counter-1", 2))) {
            assertThat(courier(queue).deliver().complete()).isFalse();
            assertThat(queue.pending()).hasSize(2);
        }
    }

    @Test
    void aSmallerBatchSizeSendsTheSameScansInMoreRequests() throws Exception {
        List<QueuedScan> scans = scans("counter-1", 5);
        try (ScanQueue queue = queueWith(scans)) {
            assertThat(
                            new Courier(queue, server, SERVER, outcomes::add, Progress.NONE, 2)
                                    .deliver()
                                    .complete())
                    .isTrue();

            assertThat(server.batches)
                    .extracting(batch -> batch.scans().size())
                    .containsExactly(2, 2, 1);
            assertThat(server.batches)
                    .flatExtracting(ScanBatch::scans)
                    .extracting(ScanBatch.Scan::scanId)
                    .containsExactlyElementsOf(ids(scans));
        }
    }

    @Test
    void aTransferRequestTheServerIsStillDecidingWaitsAndIsAskedAgain() throws Exception {
        server.refuseTransfers =
                new Problem(
                        "https://azukari.jp/problems/request-in-progress",
                        "Conflict",
                        409,
                        "A request with this Idempotency-Key is still being processed; retry shortly",
                        null,
                        null);
        QueuedTransfer request = transfer(UUID.randomUUID(), null, "A-1");
        try (ScanQueue queue = queueWith(List.of(request))) {
            assertThat(courier(queue).deliver().complete()).isFalse();
            assertThat(queue.pending()).containsExactly(request);

            server.refuseTransfers = null;
            assertThat(courier(queue).deliver().complete()).isTrue();
            assertThat(outcomes).last().isInstanceOf(Outcome.TransferStarted.class);
            assertThat(queue.pending()).isEmpty();
        }
    }

    @Test
    void aResolvedLabelWithoutAnAssetIdIsNotAnAnswerAndNothingIsStarted() throws Exception {
        server.resolveWithoutAssetId = true;
        try (ScanQueue queue = queueWith(List.of(transfer(UUID.randomUUID(), null, "A-1")))) {
            Courier.Result result = courier(queue).deliver();

            assertThat(result.stopped())
                    .isInstanceOfSatisfying(
                            ApiException.Unavailable.class,
                            unavailable ->
                                    assertThat(unavailable.why())
                                            .isEqualTo(ApiException.Unavailable.Why.BAD_ANSWER));
            assertThat(server.transfers).isEmpty();
            assertThat(queue.pending()).hasSize(1);
        }
    }

    @Test
    void anyOtherConflictIsAnAnswerAndTheRequestLeavesTheQueue() throws Exception {
        server.refuseTransfers =
                new Problem(
                        "https://azukari.jp/problems/custody-refused",
                        "Refused",
                        409,
                        "The asset is already in an open transfer",
                        "ALREADY_IN_TRANSFER",
                        null);
        try (ScanQueue queue = queueWith(List.of(transfer(UUID.randomUUID(), null, "A-1")))) {
            assertThat(courier(queue).deliver().complete()).isTrue();

            assertThat(outcomes).last().isInstanceOf(Outcome.TransferNotStarted.class);
            assertThat(queue.pending()).isEmpty();
        }
    }

    @Test
    void scansOfTwoDevicesGoInSeparateBatchesStillInOrder() throws Exception {
        List<QueuedScan> scans = new ArrayList<>(scans("counter-1", 2));
        scans.addAll(scans("counter-2", 1));
        scans.addAll(scans("counter-1", 1));
        try (ScanQueue queue = queueWith(scans)) {
            courier(queue).deliver();

            assertThat(server.batches)
                    .extracting(ScanBatch::deviceId)
                    .containsExactly("counter-1", "counter-2", "counter-1");
        }
    }

    @Test
    void scansForAnotherServerAreLeftForThatServer() throws Exception {
        QueuedScan elsewhere =
                new QueuedScan(
                        UUID.randomUUID(),
                        "https://other.example.jp",
                        "counter-1",
                        LabelPictures.payload("A-1"),
                        T0,
                        Purpose.LOOKUP,
                        null,
                        "a.png");
        try (ScanQueue queue = queueWith(List.of(elsewhere))) {
            assertThat(courier(queue).deliver().complete()).isTrue();

            assertThat(server.batches).isEmpty();
            assertThat(queue.pending()).containsExactly(elsewhere);
        }
    }

    @Test
    void aTransferStartsWithTheAssetsOfItsLabelsAndTheApproval() throws Exception {
        UUID to = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        QueuedTransfer request = transfer(to, approval, "A-1", "A-2");
        try (ScanQueue queue = queueWith(List.of(request))) {
            assertThat(courier(queue).deliver().complete()).isTrue();

            assertThat(server.transfers)
                    .singleElement()
                    .satisfies(
                            body -> {
                                assertThat(body.kind()).isEqualTo("HANDOFF");
                                assertThat(body.toPartyId()).isEqualTo(to);
                                assertThat(body.approvalId()).isEqualTo(approval);
                                assertThat(body.assetIds())
                                        .containsExactly(
                                                FakeServer.assetId("A-1"),
                                                FakeServer.assetId("A-2"));
                            });
            assertThat(outcomes).last().isInstanceOf(Outcome.TransferStarted.class);
            assertThat(queue.pending()).isEmpty();
        }
    }

    @Test
    void aTransferWithALabelTheServerRejectsIsNotStartedAtAll() throws Exception {
        server.forged.add("A-2");
        try (ScanQueue queue =
                queueWith(List.of(transfer(UUID.randomUUID(), null, "A-1", "A-2")))) {
            courier(queue).deliver();

            assertThat(server.transfers).isEmpty();
            assertThat(outcomes)
                    .extracting(Outcome::mark)
                    .containsExactly(Outcome.Mark.OK, Outcome.Mark.FAILED, Outcome.Mark.FAILED);
            assertThat(outcomes.get(1))
                    .isInstanceOfSatisfying(
                            Outcome.TransferLabel.class,
                            label -> assertThat(label.problem().code()).isEqualTo("LABEL_FORGED"));
        }
    }

    private Courier courier(ScanQueue queue) {
        return new Courier(queue, server, SERVER, outcomes::add, Progress.NONE);
    }

    private ScanQueue queueWith(List<? extends QueueItem> items) throws Exception {
        ScanQueue queue = ScanQueue.open(folder, JSON);
        queue.add(items);
        return queue;
    }

    private static QueuedTransfer transfer(UUID to, UUID approval, String... tags) {
        List<QueuedTransfer.LabelScan> labels = new ArrayList<>();
        for (String tag : tags) {
            labels.add(
                    new QueuedTransfer.LabelScan(
                            UUID.randomUUID(), LabelPictures.payload(tag), T0, tag + ".png"));
        }
        return new QueuedTransfer(
                UUID.randomUUID(),
                SERVER,
                "counter-1",
                T0,
                TransferKind.HANDOFF,
                to,
                approval,
                labels);
    }

    private static List<QueuedScan> scans(String device, int count) {
        List<QueuedScan> scans = new ArrayList<>();
        UUID transfer = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            scans.add(
                    new QueuedScan(
                            UUID.randomUUID(),
                            SERVER,
                            device,
                            LabelPictures.payload("A-2026-" + i),
                            T0.plusSeconds(i),
                            Purpose.CONFIRM,
                            transfer,
                            "photo-" + i + ".jpg"));
        }
        return scans;
    }

    private static List<UUID> ids(List<QueuedScan> scans) {
        return scans.stream().map(QueuedScan::scanId).toList();
    }
}
