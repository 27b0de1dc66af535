package jp.azukari.scanner.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.azukari.scanner.ScannerApp;
import jp.azukari.scanner.cli.Cli;
import jp.azukari.scanner.cli.Environment;
import jp.azukari.scanner.input.FolderLister;
import tools.jackson.databind.JsonNode;

/**
 * The scanner app as the person at the counter runs it, with its own home folder (session and
 * queue): either in this JVM through the same entry point as {@code main} (real clock, English), or
 * as a separate {@code java} process that can be killed.
 */
final class Scanner {

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private boolean interactive;

    Scanner(Path home) {
        this.home = home;
        variables.put("AZUKARI_SCANNER_HOME", home.toString());
    }

    /** Runs in this JVM as at a terminal, where the custodian can be asked (art. 2.2). */
    Scanner atATerminal() {
        this.interactive = true;
        return this;
    }

    Path home() {
        return home;
    }

    Scanner password(String password) {
        variables.put("AZUKARI_PASSWORD", password);
        return this;
    }

    /** Runs a command in this JVM; {@code stdin} is what a keyboard-wedge scanner would type. */
    Result typing(String stdin, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment =
                new Environment(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.copyOf(variables),
                        Clock.systemDefaultZone(),
                        home.resolve("user-home"),
                        Locale.ENGLISH,
                        FolderLister.FILE_SYSTEM,
                        prompt -> null,
                        interactive);
        int exit = Cli.run(environment, arguments);
        return new Result(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result run(String... arguments) {
        return typing("", arguments);
    }

    /**
     * Starts {@code java -cp <this test run's class path> jp.azukari.scanner.ScannerApp arguments}
     * with this scanner's home; its standard output and error go to files beside the home folder.
     */
    Running start(String... arguments) {
        try {
            Path classPath = Files.createTempFile(home.getParent(), "classpath", ".txt");
            Files.writeString(
                    classPath,
                    "-cp\n\""
                            + System.getProperty("java.class.path").replace("\\", "\\\\")
                            + "\"\n");
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xmx256m",
                                    "-XX:TieredStopAtLevel=1",
                                    "-Djava.awt.headless=true",
                                    "-Duser.language=en",
                                    "@" + classPath,
                                    ScannerApp.class.getName()));
            command.addAll(Arrays.asList(arguments));
            Path out = Files.createTempFile(home.getParent(), "scanner-out", ".txt");
            Path err = Files.createTempFile(home.getParent(), "scanner-err", ".txt");
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            builder.environment().putAll(variables);
            return new Running(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scanner process. */
    record Running(Process process, Path out, Path err) {

        /**
         * Feeds its standard input and closes it, as a barcode scanner's last line followed by
         * Ctrl-D.
         */
        Running type(String lines) {
            try (var in = process.getOutputStream()) {
                in.write(lines.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Result finish(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(
                            "the scanner did not finish within " + seconds + " s:\n" + output());
                }
                return new Result(
                        process.exitValue(), Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** SIGKILL on Linux: no shutdown hook, no finally block, no flush. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the scanner survived SIGKILL");
            }
        }

        String output() throws IOException {
            return Files.readString(out) + Files.readString(err);
        }
    }

    record Result(int exit, String out, String err) {

        String all() {
            return out + err;
        }

        /** The {@code --json} lines. */
        List<JsonNode> json() {
            return out.lines()
                    .filter(line -> line.startsWith("{"))
                    .map(line -> Agency.JSON.readTree(line))
                    .toList();
        }

        List<JsonNode> json(String type) {
            return json().stream()
                    .filter(node -> type.equals(node.path("type").asString()))
                    .toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
