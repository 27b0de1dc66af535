package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.ScanAndSend;
import jp.azukari.scanner.queue.Purpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "lookup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Look up the assets whose labels are scanned: tag, title and who holds them.",
            "Lookups are recorded by the server like any other scan."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every label was found",
            "1:a label was unknown, not ours or unreadable, or nothing was read",
            "2:wrong command line",
            "3:server unavailable: the scans are queued",
            "4:log in again: the scans are queued",
            "5:the local queue cannot be used"
        })
final class LookupCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(paramLabel = "FILE|DIR", description = "Pictures of labels, or folders of them.")
    List<Path> files = new ArrayList<>();

    @Mixin InputOptions input;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    LookupCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return ScanFlow.run(
                environment,
                common,
                connection,
                input,
                files,
                new ScanFlow.Steps() {
                    @Override
                    public Action action(Run run, Online online) {
                        return new ScanAndSend(
                                online.queue,
                                online.deliverer,
                                online.station,
                                Purpose.LOOKUP,
                                null,
                                input.live(),
                                run.outcomes());
                    }
                });
    }
}
