package jp.azukari.scanner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

    @Option(
            names = "--config-dir",
            paramLabel = "DIR",
            description =
                    "Folder for the session and the queue. Default: $XDG_CONFIG_HOME/azukari (session) and "
                            + "$XDG_DATA_HOME/azukari/queue (queue); the environment variable AZUKARI_SCANNER_HOME does the same.")
    Path configDir;

    @Option(
            names = "--lang",
            paramLabel = "ja|en",
            description = "Language of the output. Default: the system's.")
    Language language;

    @Option(
            names = "--json",
            description = "Print one JSON object per line (for scripts); no bell.")
    boolean json;
}
