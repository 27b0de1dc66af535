package jp.azukari.scanner.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.client.ScanBatch;
import jp.azukari.scanner.counter.Courier;
import jp.azukari.scanner.queue.QueueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Deliver what is waiting in the local queue, in the order it was scanned, with the original times.",
            "Every other command does this first too."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the queue is empty",
            "1:the server refused some scans",
            "3:server unavailable: still queued",
            "4:log in again: still queued",
            "5:the local queue cannot be used"
        })
final class SyncCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "500",
            description =
                    "Send at most N scans per request (1 to 500), e.g. over a slow connection. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    SyncCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Run run = new Run(environment, common);
        if (batchSize < 1 || batchSize > ScanBatch.MAX_SCANS) {
            return run.fail(ExitCode.USAGE, "error.batchSize", batchSize, ScanBatch.MAX_SCANS);
        }
        Optional<Credentials> credentials = new CredentialStore(run.home.config(), run.json).load();
        if (credentials.isEmpty()) {
            return run.fail(ExitCode.LOGIN_NEEDED, "error.notLoggedIn");
        }
        try (Online online = Online.open(run, credentials.get(), connection, batchSize)) {
            boolean waiting =
                    online.queue.pending().stream()
                            .anyMatch(item -> item.server().equals(online.station.server()));
            if (!waiting) {
                run.printer.info("sync", run.messages.text("sync.nothing"), true);
                return ExitCode.OK;
            }
            Courier.Result result = online.deliverer.deliver(true);
            return run.finish(false, result);
        } catch (QueueException e) {
            return ScanFlow.queueProblem(run, e);
        }
    }
}
