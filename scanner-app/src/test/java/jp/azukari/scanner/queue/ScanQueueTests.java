package jp.azukari.scanner.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.custody.TransferKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ScanQueueTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-11-25T09:30:00Z");

    @TempDir Path folder;

    @Test
    void scansComeBackAfterAReopenInTheOrderTheyWereAddedWithTheirIdsAndTimes() throws Exception {
        List<QueuedScan> scans = scans(5);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(0, 2));
            queue.add(scans.subList(2, 5));
        }

        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactlyElementsOf(scans);
        }
    }

    @Test
    void whatTheServerAcknowledgedStaysDeliveredAfterAReopen() throws Exception {
        List<QueuedScan> scans = scans(4);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans);
            queue.markDelivered(List.of(scans.get(0).scanId(), scans.get(2).scanId()));
        }

        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactly(scans.get(1), scans.get(3));
        }
    }

    @Test
    void aRecordTornByAKillIsIgnoredAndNothingWrittenBeforeItIsLost() throws Exception {
        List<QueuedScan> scans = scans(3);
        Path journal = folder.resolve(ScanQueue.JOURNAL);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(0, 2));
        }
        long confirmed = Files.size(journal);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(2, 3));
        }
        byte[] whole = Files.readAllBytes(journal);

        // Killed just after the record began, halfway through it, and just before its line end.
        for (long cut :
                new long[] {confirmed + 1, (confirmed + whole.length) / 2, whole.length - 1}) {
            Files.write(journal, whole);
            truncate(journal, cut);
            try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
                assertThat(reopened.pending())
                        .as("cut at byte %d", cut)
                        .containsExactlyElementsOf(scans.subList(0, 2));
                assertThat(reopened.damagedLines()).isZero();
            }
            assertThat(Files.size(journal)).as("torn tail removed").isEqualTo(confirmed);
        }
    }

    @Test
    void aScanAddedAfterATornRecordIsKeptToo() throws Exception {
        List<QueuedScan> scans = scans(3);
        Path journal = folder.resolve(ScanQueue.JOURNAL);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(0, 2));
        }
        Files.write(
                journal,
                "0badc0de {\"scan\":{\"scanId\":\"".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(2, 3));
        }

        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactlyElementsOf(scans);
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedAndCountedAndTheRestIsKept() throws Exception {
        List<QueuedScan> scans = scans(3);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans);
        }
        Path journal = folder.resolve(ScanQueue.JOURNAL);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(1, lines.get(1).replace("A-2026", "B-2026"));
        Files.write(journal, lines);

        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactly(scans.get(0), scans.get(2));
            assertThat(reopened.damagedLines()).isEqualTo(1);
        }
    }

    @Test
    void theJournalIsEmptiedOnceEverythingIsDelivered() throws Exception {
        List<QueuedScan> scans = scans(3);
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans);
            queue.markDelivered(scans.stream().map(QueuedScan::scanId).toList());
        }

        assertThat(Files.size(folder.resolve(ScanQueue.JOURNAL))).isZero();
        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).isEmpty();
        }
    }

    @Test
    void aTransferRequestIsKeptWithItsLabelsInItsPlaceAmongTheScans() throws Exception {
        List<QueuedScan> scans = scans(2);
        QueuedTransfer transfer =
                new QueuedTransfer(
                        UUID.randomUUID(),
                        "https://azukari.example.jp",
                        "counter-1",
                        T0,
                        TransferKind.HANDOFF,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        List.of(
                                new QueuedTransfer.LabelScan(
                                        UUID.randomUUID(),
                                        "AZ1:K7Q2:A-9:MFRGGZDFMZTW",
                                        T0,
                                        "b.png")));
        try (ScanQueue queue = ScanQueue.open(folder, JSON)) {
            queue.add(scans.subList(0, 1));
            queue.add(List.of(transfer));
            queue.add(scans.subList(1, 2));
        }

        try (ScanQueue reopened = ScanQueue.open(folder, JSON)) {
            assertThat(reopened.pending()).containsExactly(scans.get(0), transfer, scans.get(1));
        }
    }

    @Test
    void onlyOneProcessAtATimeOwnsTheQueue() throws Exception {
        try (ScanQueue first = ScanQueue.open(folder, JSON)) {
            assertThatThrownBy(() -> ScanQueue.open(folder, JSON))
                    .isInstanceOfSatisfying(
                            QueueException.class,
                            e -> assertThat(e.reason()).isEqualTo(QueueException.Reason.BUSY));
        }
        ScanQueue.open(folder, JSON).close();
    }

    private static List<QueuedScan> scans(int count) {
        List<QueuedScan> scans = new ArrayList<>();
        UUID transfer = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            scans.add(
                    new QueuedScan(
                            UUID.randomUUID(),
                            "https://azukari.example.jp",
                            "counter-1",
                            "AZ1:K7Q2:A-2026-00000" + i + ":MFRGGZDFMZTW",
                            T0.plusSeconds(i),
                            Purpose.CONFIRM,
                            transfer,
                            "photo-" + i + ".jpg"));
        }
        return scans;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
