package jp.azukari.scanner.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the subcommands that talk to the server. */
final class ConnectionOptions {

    @Option(
            names = "--device-id",
            paramLabel = "ID",
            description = "This scanner's name, recorded with every scan. Default: the host name.")
    String deviceId;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description =
                    "Give up connecting to the server after this long. Default: ${DEFAULT-VALUE}.")
    double connectTimeout;

    @Option(
            names = "--request-timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description =
                    "Give up waiting for an answer after this long; the scans stay queued. Default: ${DEFAULT-VALUE}.")
    double requestTimeout;

    Duration connect() {
        return seconds(connectTimeout);
    }

    Duration request() {
        return seconds(requestTimeout);
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
