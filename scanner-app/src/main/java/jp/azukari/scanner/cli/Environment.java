package jp.azukari.scanner.cli;

import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import jp.azukari.scanner.input.FolderLister;

/**
 * Everything the program takes from the machine it runs on, passed in so that the whole CLI runs
 * in-process in tests: the standard streams, environment variables, clock, the home folder, how to
 * list folders and ask for a password.
 */
public record Environment(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> variables,
        Clock clock,
        Path userHome,
        Locale locale,
        FolderLister folders,
        PasswordPrompt passwords,
        boolean interactive) {

    public static Environment system() {
        return new Environment(
                System.in,
                Terminal.stream(FileDescriptor.out),
                Terminal.stream(FileDescriptor.err),
                System.getenv(),
                Clock.systemDefaultZone(),
                Path.of(System.getProperty("user.home")),
                Locale.getDefault(),
                FolderLister.FILE_SYSTEM,
                PasswordPrompt.console(),
                System.console() != null);
    }

    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
