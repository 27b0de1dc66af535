package jp.azukari.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.azukari.scanner.input.FolderLister;
import jp.azukari.scanner.queue.Purpose;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.ScanQueue;
import jp.azukari.scanner.testing.HugePng;
import jp.azukari.scanner.testing.LabelPictures;
import jp.azukari.scanner.testing.Ports;
import jp.azukari.scanner.testing.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance 6: each bad input gets a clear message and a non-zero exit, never a stack trace, and
 * the scans already waiting in the queue are still there afterwards.
 */
class BadInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRANSFER = "6f1c2b9e-4d0a-4b8e-9a57-3c2d1e0f9a11";

    @TempDir Path home;

    @TempDir Path pictures;

    private String unreachable;
    private List<QueueItem> waiting;

    @BeforeEach
    void aServerThatCannotBeReached() throws IOException {
        unreachable = Ports.closedServer();
    }

    /**
     * A session for {@code server}, and two scans of an earlier run still waiting to be delivered
     * to it.
     */
    private CliRunner loggedInWithScansWaitingFor(String server) throws Exception {
        waiting = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            waiting.add(
                    new QueuedScan(
                            UUID.randomUUID(),
                            server,
                            "counter-test",
                            LabelPictures.payload("A-2026-00000" + i),
                            Instant.parse("2026-11-24T09:00:00Z").plusSeconds(i),
                            Purpose.CONFIRM,
                            UUID.fromString(TRANSFER),
                            "earlier-" + i + ".png"));
        }
        try (ScanQueue queue = ScanQueue.open(home.resolve("queue"), JSON)) {
            queue.add(waiting);
        }
        return new CliRunner(home).loggedInTo(server);
    }

    @Test
    void aCorruptPictureIsReportedAsDamaged() throws Exception {
        byte[] png = LabelPictures.encode(LabelPictures.qr(LabelPictures.payload("A-9"), 4), "png");
        Path corrupt =
                Files.write(pictures.resolve("corrupt.png"), Arrays.copyOf(png, png.length / 2));

        CliRunner.Result result =
                loggedInWithScansWaitingFor(unreachable)
                        .run("confirm", TRANSFER, corrupt.toString());

        assertClearFailure(result, "damaged picture, cannot be read", ExitCode.FAILED);
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws Exception {
        Path empty = Files.createFile(pictures.resolve("empty.jpg"));

        CliRunner.Result result =
                loggedInWithScansWaitingFor(unreachable).run("confirm", TRANSFER, empty.toString());

        assertClearFailure(result, "empty file (0 bytes)", ExitCode.FAILED);
    }

    @Test
    void aHundredMegapixelPictureIsReadWithinTheMemoryLimitAndItsAbsentCodeReported()
            throws Exception {
        Path huge = pictures.resolve("huge.png");
        HugePng.write(
                huge, 10_000, 10_000, new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, 1);

        CliRunner.Result result =
                loggedInWithScansWaitingFor(unreachable).run("confirm", TRANSFER, huge.toString());

        assertClearFailure(result, "no QR code found  [" + huge + "]", ExitCode.FAILED);
    }

    @Test
    void aFolderThatMayNotBeReadIsReported() throws Exception {
        Path locked = Files.createDirectories(pictures.resolve("locked"));
        // Root reads any folder; the refusal an ordinary user gets from the OS is given explicitly.
        FolderLister refusing =
                dir -> {
                    if (dir.equals(locked)) {
                        throw new AccessDeniedException(dir.toString());
                    }
                    return FolderLister.FILE_SYSTEM.list(dir);
                };

        CliRunner.Result result =
                loggedInWithScansWaitingFor(unreachable)
                        .folders(refusing)
                        .run("confirm", TRANSFER, locked.toString());

        assertClearFailure(
                result, "no permission to read this folder  [" + locked + "]", ExitCode.FAILED);
    }

    @Test
    void aTenThousandCharacterLineOnStandardInputIsRefused() throws Exception {
        CliRunner.Result result =
                loggedInWithScansWaitingFor(unreachable)
                        .stdin("Q".repeat(10_000) + "\n")
                        .run("confirm", TRANSFER, "--stdin");

        assertClearFailure(
                result, "line refused: 10000 characters is too long for a label", ExitCode.FAILED);
    }

    @Test
    void aServerAnswering500KeepsTheNewScanQueuedWithTheEarlierOnes() throws Exception {
        try (StandInServer server = StandInServer.failingWith500()) {
            Path label =
                    Files.write(
                            pictures.resolve("label.png"),
                            LabelPictures.encode(
                                    LabelPictures.qr(LabelPictures.payload("A-2026-000050"), 4),
                                    "png"));

            CliRunner.Result result =
                    loggedInWithScansWaitingFor(server.uri().toString())
                            .run("confirm", TRANSFER, label.toString());

            assertThat(result.out())
                    .contains("server error (HTTP 500: database down)")
                    .contains("A-2026-000050  queued: sent when the server can be reached");
            assertThat(result.exit()).isEqualTo(ExitCode.QUEUED);
            assertThat(result.showsNoStackTrace()).as(result.all()).isTrue();
            assertThat(queued()).hasSize(3).startsWith(waiting.toArray(QueueItem[]::new));
        }
    }

    @Test
    void aServerThatHangsIsGivenUpOnAndTheScanStaysQueued() throws Exception {
        try (StandInServer server = StandInServer.hanging()) {
            Path label =
                    Files.write(
                            pictures.resolve("label.png"),
                            LabelPictures.encode(
                                    LabelPictures.qr(LabelPictures.payload("A-2026-000051"), 4),
                                    "png"));

            CliRunner.Result result =
                    loggedInWithScansWaitingFor(server.uri().toString())
                            .run("confirm", TRANSFER, label.toString(), "--request-timeout", "0.5");

            assertThat(result.out())
                    .contains("server did not answer in time")
                    .contains("A-2026-000051  queued");
            assertThat(result.exit()).isEqualTo(ExitCode.QUEUED);
            assertThat(result.showsNoStackTrace()).as(result.all()).isTrue();
            assertThat(queued()).hasSize(3).startsWith(waiting.toArray(QueueItem[]::new));
        }
    }

    private void assertClearFailure(CliRunner.Result result, String message, int exit)
            throws Exception {
        assertThat(result.out()).contains("✗ " + message.split(" {2}\\[")[0]).contains(message);
        assertThat(result.exit()).isEqualTo(exit);
        assertThat(result.showsNoStackTrace()).as(result.all()).isTrue();
        assertThat(queued()).containsExactlyElementsOf(waiting);
    }

    private List<QueueItem> queued() throws Exception {
        try (ScanQueue queue = ScanQueue.open(home.resolve("queue"), JSON)) {
            return queue.pending();
        }
    }
}
