package jp.azukari.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.azukari.scanner.queue.Purpose;
import jp.azukari.scanner.queue.QueueItem;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.ScanQueue;
import jp.azukari.scanner.testing.LabelPictures;
import jp.azukari.scanner.testing.Ports;
import jp.azukari.scanner.testing.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CliTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LABEL = LabelPictures.payload("A-2026-000123");
    private static final String TRANSFER = "6f1c2b9e-4d0a-4b8e-9a57-3c2d1e0f9a11";

    @TempDir Path home;

    @TempDir Path pictures;

    @ParameterizedTest
    @ValueSource(strings = {"login", "logout", "confirm", "transfer", "lookup", "decode", "sync"})
    void everySubcommandExplainsItselfWithHelp(String command) {
        CliRunner.Result result = new CliRunner(home).run(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .startsWith("Usage: scanner " + command)
                .contains("--config-dir", "--lang", "--json");
    }

    @Test
    void decodePrintsOneLinePerLabelWithAMarkAndASummary() throws Exception {
        Path label = picture("label.png", LABEL);

        CliRunner.Result result = new CliRunner(home).run("decode", label.toString());

        assertThat(result.out().lines())
                .containsExactly(
                        "✓ A-2026-000123  Azukari label " + LABEL + "  [" + label + "]",
                        "1 succeeded, 0 failed, 0 queued");
        assertThat(result.exit()).isZero();
    }

    @Test
    void aCodeThatIsNotOursFailsWithTheBellAndANonZeroExit() throws Exception {
        Path other = picture("other.png", "https://example.com/menu");

        CliRunner.Result result = new CliRunner(home).run("decode", other.toString());

        assertThat(result.out())
                .contains(
                        "✗ not an Azukari label: \"https://example.com/menu\"  ["
                                + other
                                + "]\u0007");
        assertThat(result.exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void aCodeCarryingTerminalControlCharactersCannotReachTheTerminal() throws Exception {
        Path hostile = picture("hostile.png", "\u001b[2J\u001b]0;owned\u0007text");

        CliRunner.Result result = new CliRunner(home).run("decode", hostile.toString());

        assertThat(result.out()).doesNotContain("\u001b").contains("[2J").contains("text\"");
        assertThat(result.out().chars().filter(c -> c == 7).count()).isEqualTo(1);
    }

    @Test
    void jsonModePrintsOneObjectPerLineAndNoBell() throws Exception {
        Path label = picture("label.png", LABEL);
        Path other = picture("other.png", "4901234567894");

        CliRunner.Result result =
                new CliRunner(home).run("decode", "--json", label.toString(), other.toString());

        List<JsonNode> lines = result.out().lines().map(JSON::readTree).toList();
        assertThat(lines)
                .extracting(line -> line.get("type").asString())
                .containsExactly("label", "not_ours", "summary");
        assertThat(lines.get(0).get("payload").asString()).isEqualTo(LABEL);
        assertThat(lines.get(1).get("reason").asString()).isEqualTo("FOREIGN_CODE");
        assertThat(lines.get(2).get("exitCode").asInt()).isEqualTo(ExitCode.FAILED);
        assertThat(result.out()).doesNotContain("\u0007");
    }

    @Test
    void theLanguageFollowsTheSystemUnlessChosen() throws Exception {
        Path label = picture("label.png", LABEL);

        CliRunner.Result japanese =
                new CliRunner(home).locale(Locale.JAPAN).run("decode", label.toString());
        CliRunner.Result english =
                new CliRunner(home)
                        .locale(Locale.JAPAN)
                        .run("decode", "--lang", "en", label.toString());

        assertThat(japanese.out()).contains("預かりラベル").contains("成功 1 件、失敗 0 件、保留 0 件");
        assertThat(english.out()).contains("Azukari label").contains("1 succeeded");
    }

    @Test
    void aRunThatReadsNothingIsNotASuccess() {
        CliRunner.Result result = new CliRunner(home).stdin("\n\n").run("decode", "--stdin");

        assertThat(result.out()).contains("no labels were read");
        assertThat(result.exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void aCommandWithNothingToReadIsAUsageError() {
        CliRunner.Result result = new CliRunner(home).run("decode");

        assertThat(result.out()).contains("nothing to read");
        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501"})
    void aBatchSizeOutsideOneTo500IsAUsageError(String size) throws Exception {
        CliRunner.Result result =
                new CliRunner(home)
                        .loggedInTo(Ports.closedServer())
                        .run("sync", "--batch-size", size);

        assertThat(result.out()).contains("--batch-size must be between 1 and 500, not " + size);
        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void confirmingWithoutASessionSaysToLogInAndReadsNothing() throws Exception {
        CliRunner.Result result =
                new CliRunner(home).stdin(LABEL + "\n").run("confirm", TRANSFER, "--stdin");

        assertThat(result.out())
                .contains("not logged in: run \"scanner login --server URL --user NAME\" first");
        assertThat(result.exit()).isEqualTo(ExitCode.LOGIN_NEEDED);
        assertThat(Files.exists(home.resolve("queue/journal.log"))).isFalse();
    }

    @Test
    void whileTheServerIsUnreachableScansAreQueuedWithTheirPurposeAndSyncLaterSaysTheyStillWait()
            throws Exception {
        String server = Ports.closedServer();
        CliRunner runner = new CliRunner(home).loggedInTo(server);

        CliRunner.Result confirm =
                runner.stdin(LABEL + "\n" + LABEL + "\n")
                        .run("confirm", TRANSFER, "--stdin", "--device-id", "counter-7");

        assertThat(confirm.exit()).isEqualTo(ExitCode.QUEUED);
        assertThat(confirm.out())
                .contains("server cannot be reached")
                .contains("A-2026-000123  queued");
        List<QueueItem> queued = queued();
        assertThat(queued)
                .singleElement()
                .isInstanceOfSatisfying(
                        QueuedScan.class,
                        scan -> {
                            assertThat(scan.payload()).isEqualTo(LABEL);
                            assertThat(scan.purpose()).isEqualTo(Purpose.CONFIRM);
                            assertThat(scan.transferId()).isEqualTo(UUID.fromString(TRANSFER));
                            assertThat(scan.deviceId()).isEqualTo("counter-7");
                            assertThat(scan.scannedAt()).isEqualTo(CliRunner.CLOCK.instant());
                        });

        CliRunner.Result sync = new CliRunner(home).run("sync");

        assertThat(sync.exit()).isEqualTo(ExitCode.QUEUED);
        assertThat(sync.out()).contains("1 waiting in the queue");
        assertThat(queued()).isEqualTo(queued);
    }

    @Test
    void aPasswordTheServerRejectsLeavesNoSessionBehind() throws Exception {
        try (StandInServer server =
                StandInServer.answering(
                        401,
                        "application/problem+json",
                        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad credentials\"}")) {
            CliRunner.Result result =
                    new CliRunner(home)
                            .variable("AZUKARI_PASSWORD", "wrong")
                            .run("login", "--server", server.uri().toString(), "--user", "clerk");

            assertThat(result.out()).contains("login refused: bad credentials");
            assertThat(result.exit()).isEqualTo(ExitCode.LOGIN_NEEDED);
            assertThat(home.resolve("credentials.json")).doesNotExist();
        }
    }

    @Test
    void withoutATerminalOrAzukariPasswordLoginExplainsHowToGiveThePassword() {
        CliRunner.Result result =
                new CliRunner(home)
                        .run("login", "--server", "https://azukari.example.jp", "--user", "clerk");

        assertThat(result.out()).contains("set AZUKARI_PASSWORD");
        assertThat(result.exit()).isEqualTo(ExitCode.LOGIN_NEEDED);
    }

    @Test
    void aTransferKindThatDoesNotExistIsAUsageErrorWithoutAStackTrace() {
        CliRunner.Result result =
                new CliRunner(home).run("transfer", "--kind", "STEAL", "--to", TRANSFER, "x.png");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--kind").contains("HANDOFF");
        assertThat(result.showsNoStackTrace()).isTrue();
    }

    @Test
    void aQueueThatCannotBeWrittenStopsTheCommandBeforeAnythingIsReadOrSent() throws Exception {
        Files.writeString(home.resolve("queue"), "a file where the queue folder should be");
        CliRunner runner = new CliRunner(home).loggedInTo(Ports.closedServer());

        CliRunner.Result result = runner.stdin(LABEL + "\n").run("confirm", TRANSFER, "--stdin");

        assertThat(result.out())
                .contains("cannot write the queue in " + home.resolve("queue"))
                .contains("Nothing was sent.");
        assertThat(result.exit()).isEqualTo(ExitCode.QUEUE_UNUSABLE);
        assertThat(result.showsNoStackTrace()).as(result.all()).isTrue();
    }

    private Path picture(String name, String text) throws Exception {
        return Files.write(
                pictures.resolve(name), LabelPictures.encode(LabelPictures.qr(text, 4), "png"));
    }

    private List<QueueItem> queued() throws Exception {
        try (ScanQueue queue = ScanQueue.open(home.resolve("queue"), JSON)) {
            return queue.pending();
        }
    }
}
