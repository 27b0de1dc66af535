package jp.azukari.scanner.cli;

import java.io.PrintWriter;
import java.util.UUID;
import picocli.CommandLine;

/**
 * Builds the command line: the factory, the streams, and an error handler that never shows a stack
 * trace.
 */
public final class Cli {

    private Cli() {}

    public static CommandLine commandLine(Environment environment) {
        CommandLine commandLine =
                new CommandLine(new ScannerCommand(), new CommandFactory(environment));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(UUID.class, UUID::fromString);
        commandLine.setExecutionExceptionHandler(
                (exception, command, parsed) -> {
                    Messages messages = Messages.of(Language.of(null, environment.locale()));
                    environment
                            .err()
                            .println(messages.text("error.unexpected", exception.toString()));
                    return ExitCode.SOFTWARE;
                });
        return commandLine;
    }

    public static int run(Environment environment, String... arguments) {
        try {
            return commandLine(environment).execute(arguments);
        } catch (VirtualMachineError e) {
            // Out of memory or stack: still no stack trace for the person at the counter; the queue
            // is already synced.
            environment
                    .err()
                    .println(
                            Messages.of(Language.of(null, environment.locale()))
                                    .text("error.unexpected", e.toString()));
            return ExitCode.SOFTWARE;
        }
    }
}
