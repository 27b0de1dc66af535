package jp.azukari.scanner.cli;

import java.nio.file.Path;

/**
 * Where the scanner keeps its things. {@code --config-dir} or AZUKARI_SCANNER_HOME put everything
 * in one folder; otherwise the session goes to $XDG_CONFIG_HOME/azukari (~/.config/azukari) and the
 * queue, which is data that must survive, to $XDG_DATA_HOME/azukari/queue
 * (~/.local/share/azukari/queue).
 */
record Home(Path config, Path queue) {

    static final String HOME_VARIABLE = "AZUKARI_SCANNER_HOME";

    static Home of(Path option, Environment environment) {
        Path chosen = option != null ? option : pathOf(environment.variable(HOME_VARIABLE));
        if (chosen != null) {
            return new Home(chosen, chosen.resolve("queue"));
        }
        Path config =
                base(
                        environment.variable("XDG_CONFIG_HOME"),
                        environment.userHome().resolve(".config"));
        Path data =
                base(
                        environment.variable("XDG_DATA_HOME"),
                        environment.userHome().resolve(".local/share"));
        return new Home(config.resolve("azukari"), data.resolve("azukari").resolve("queue"));
    }

    /** XDG says a relative path in these variables is invalid and must be ignored. */
    private static Path base(String variable, Path fallback) {
        Path path = pathOf(variable);
        return path != null && path.isAbsolute() ? path : fallback;
    }

    private static Path pathOf(String value) {
        return value == null ? null : Path.of(value);
    }
}
