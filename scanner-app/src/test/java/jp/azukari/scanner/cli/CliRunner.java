package jp.azukari.scanner.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.input.FolderLister;
import tools.jackson.databind.json.JsonMapper;

/** Runs the whole command line in-process, with its own home folder, input and captured output. */
final class CliRunner {

    static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private String stdin = "";
    private FolderLister folders = FolderLister.FILE_SYSTEM;
    private Locale locale = Locale.ENGLISH;

    CliRunner(Path home) {
        this.home = home;
        variables.put("AZUKARI_SCANNER_HOME", home.toString());
        variables.put("HOSTNAME", "counter-test");
    }

    CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliRunner folders(FolderLister lister) {
        this.folders = lister;
        return this;
    }

    CliRunner variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    CliRunner locale(Locale systemLocale) {
        this.locale = systemLocale;
        return this;
    }

    /** Saves a session as "scanner login" would, pointing at {@code server}. */
    CliRunner loggedInTo(String server) throws Exception {
        new CredentialStore(home, JsonMapper.builder().build())
                .save(
                        new Credentials(
                                server,
                                "custodian",
                                "access-token",
                                "refresh-token",
                                Instant.parse("2030-01-01T00:00:00Z")));
        return this;
    }

    Result run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment =
                new Environment(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.copyOf(variables),
                        CLOCK,
                        home.resolve("user-home"),
                        locale,
                        folders,
                        prompt -> null,
                        false);
        int exit = Cli.run(environment, arguments);
        return new Result(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {

        String all() {
            return out + err;
        }

        /**
         * Nothing a person at the counter should ever see: no stack trace, no exception class
         * names.
         */
        boolean showsNoStackTrace() {
            return !all().contains("\tat ")
                    && !all().contains("Exception")
                    && !all().contains("Error:");
        }
    }
}
