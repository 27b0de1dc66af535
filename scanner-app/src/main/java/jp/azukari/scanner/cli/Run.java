package jp.azukari.scanner.cli;

import java.time.Instant;
import java.util.function.Consumer;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.counter.Courier;
import jp.azukari.scanner.counter.Outcome;
import jp.azukari.scanner.counter.Tally;
import jp.azukari.scanner.input.Progress;
import tools.jackson.databind.json.JsonMapper;

/** One invocation: its language, where it prints, what it counted, and how it ends. */
final class Run {

    final Environment environment;
    final Messages messages;
    final JsonMapper json;
    final Home home;
    final Printer printer;
    final Tally tally = new Tally();
    private final ProgressLine progressLine;

    Run(Environment environment, CommonOptions common) {
        this.environment = environment;
        this.messages = Messages.of(Language.of(common.language, environment.locale()));
        this.json = Json.mapper();
        this.home = Home.of(common.configDir, environment);
        this.progressLine = new ProgressLine(environment.err(), messages);
        Instant started = environment.clock().instant();
        this.printer =
                new Printer(
                        environment.out(),
                        messages,
                        json,
                        common.json,
                        started,
                        environment.clock().getZone(),
                        progressLine::clear);
    }

    Consumer<Outcome> outcomes() {
        return printer.andThen(tally);
    }

    Progress progress() {
        return environment.interactive() ? progressLine : Progress.NONE;
    }

    /**
     * Prints an error that ends the command before any scan was made, and returns its exit code.
     */
    int fail(int exitCode, String key, Object... arguments) {
        printer.info("error", messages.text(key, arguments), false);
        return exitCode;
    }

    /**
     * Prints the summary and decides the exit status: failures first, then a needed login, then
     * anything left waiting; {@code nothingRead} counts as a failure for commands that were given
     * something to read.
     */
    int finish(boolean nothingRead, Courier.Result delivery) {
        int ok = tally.count(Outcome.Mark.OK);
        int failed = tally.count(Outcome.Mark.FAILED);
        int queued = tally.count(Outcome.Mark.QUEUED);
        int exit;
        if (failed > 0 || nothingRead) {
            exit = ExitCode.FAILED;
        } else if (delivery != null && delivery.stopped() instanceof ApiException.LoginRequired) {
            exit = ExitCode.LOGIN_NEEDED;
        } else if (queued > 0 || (delivery != null && delivery.waiting() > 0)) {
            exit = ExitCode.QUEUED;
        } else {
            exit = ExitCode.OK;
        }
        if (nothingRead && tally.total() == 0) {
            printer.info("nothing", messages.text("summary.nothing"), false);
        }
        printer.summary(ok, failed, queued, exit);
        return exit;
    }
}
