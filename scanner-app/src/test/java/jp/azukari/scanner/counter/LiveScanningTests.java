package jp.azukari.scanner.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.scanner.client.Transfer;
import jp.azukari.scanner.input.Progress;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.Purpose;
import jp.azukari.scanner.queue.ScanQueue;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scanning live (a barcode scanner, a camera): each scan is answered at once, or queued at once
 * when offline.
 */
class LiveScanningTests {

    private static final Station STATION = new Station("https://azukari.example.jp", "counter-1");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC);
    private static final UUID TRANSFER = UUID.randomUUID();

    @TempDir Path folder;

    private final FakeServer server = new FakeServer();
    private final List<Outcome> outcomes = new ArrayList<>();

    @Test
    void eachScanIsAnsweredAsSoonAsItIsRead() throws Exception {
        try (ScanQueue queue = ScanQueue.open(folder, JsonMapper.builder().build())) {
            ScanAndSend confirm = confirming(queue);

            confirm.read("stdin:1", CLOCK.instant(), labels("A-1"));
            assertThat(outcomes).singleElement().isInstanceOf(Outcome.ScanAnswered.class);
            confirm.read("stdin:2", CLOCK.instant(), labels("A-2"));
            confirm.finish();

            assertThat(server.batches).hasSize(2);
            assertThat(outcomes).hasSize(2).allMatch(o -> o.mark() == Outcome.Mark.OK);
            assertThat(queue.pending()).isEmpty();
        }
    }

    @Test
    void offlineEachScanIsQueuedAtOnceTheServerIsNotAskedAgainAtEveryScanAndTheNoteComesOnce()
            throws Exception {
        server.unavailableAfterBatches = 0;
        try (ScanQueue queue = ScanQueue.open(folder, JsonMapper.builder().build())) {
            ScanAndSend confirm = confirming(queue);

            confirm.read("stdin:1", CLOCK.instant(), labels("A-1"));
            confirm.read("stdin:2", CLOCK.instant(), labels("A-2"));
            confirm.read("stdin:3", CLOCK.instant(), labels("A-3"));

            assertThat(server.scanCalls).isEqualTo(1);
            assertThat(outcomes)
                    .extracting(o -> o.getClass().getSimpleName())
                    .containsExactly("ServerUnavailable", "ScanQueued", "ScanQueued", "ScanQueued");
            assertThat(queue.pending()).hasSize(3);
        }
    }

    @Test
    void afterConfirmingTheLinesNotYetConfirmedAreListed() {
        Transfer.Line pending = new Transfer.Line(UUID.randomUUID(), "A-7", "図面一式", "PENDING");
        Transfer.Line confirmed = new Transfer.Line(UUID.randomUUID(), "A-8", "議事録", "CONFIRMED");
        server.lines = List.of(pending, confirmed);

        new TransferCheck(server, outcomes::add).reportMissing(TRANSFER);

        assertThat(outcomes)
                .singleElement()
                .isInstanceOfSatisfying(
                        Outcome.StillMissing.class,
                        missing -> assertThat(missing.lines()).containsExactly(pending));
    }

    private ScanAndSend confirming(ScanQueue queue) {
        Courier courier =
                new Courier(queue, server, STATION.server(), outcomes::add, Progress.NONE);
        Deliverer deliverer = new Deliverer(courier, CLOCK, Duration.ofSeconds(30), outcomes::add);
        return new ScanAndSend(
                queue, deliverer, STATION, Purpose.CONFIRM, TRANSFER, true, outcomes::add);
    }

    private static List<Reading.AzukariLabel> labels(String tag) {
        return List.of((Reading.AzukariLabel) Reading.of(LabelPictures.payload(tag)));
    }
}
