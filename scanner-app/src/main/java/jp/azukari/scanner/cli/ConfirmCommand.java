package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import jp.azukari.scanner.counter.Acknowledgement;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.ScanAndSend;
import jp.azukari.scanner.counter.TransferCheck;
import jp.azukari.scanner.queue.Purpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "confirm",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Confirm receipt of the assets of a transfer by scanning their labels.",
            "Prints one line per label, then what is still missing from the transfer.",
            "Before the first scan, prints the handling requirements of the transfer's assets (art. 2.2)",
            "and asks you to acknowledge them, once per transfer; nothing is sent without that."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every label was confirmed",
            "1:a label was refused, not ours or unreadable, nothing was read, or the handling requirements were not acknowledged",
            "2:wrong command line",
            "3:server unavailable: the scans are queued",
            "4:log in again: the scans are queued",
            "5:the local queue cannot be used"
        })
final class ConfirmCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(
            index = "0",
            paramLabel = "TRANSFER_ID",
            description = "The transfer to confirm (a UUID).")
    UUID transferId;

    @Parameters(
            index = "1..*",
            paramLabel = "FILE|DIR",
            description = "Pictures of labels, or folders of them.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--acknowledge-handling",
            description =
                    "Acknowledge the transfer's handling requirements without being asked (unattended use); they are still printed.")
    boolean acknowledgeHandling;

    @Mixin InputOptions input;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    ConfirmCommand(Environment environment) {
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
                    private Acknowledgement acknowledgement = Acknowledgement.NONE;

                    @Override
                    public Integer before(Run run, Online online) {
                        Integer stop =
                                new TransferCheck(online.api, run.outcomes())
                                        .refusal(transferId)
                                        .map(
                                                problem ->
                                                        run.fail(
                                                                ExitCode.FAILED,
                                                                "error.noTransfer",
                                                                transferId,
                                                                problem.explanation()))
                                        .orElse(null);
                        if (stop != null) {
                            return stop;
                        }
                        acknowledgement =
                                new HandlingStep(run, online, acknowledgeHandling)
                                        .acknowledge(transferId);
                        return acknowledgement == null ? ExitCode.FAILED : null;
                    }

                    @Override
                    public Action action(Run run, Online online) {
                        return new ScanAndSend(
                                online.queue,
                                online.deliverer,
                                online.station,
                                Purpose.CONFIRM,
                                transferId,
                                null,
                                input.live(),
                                acknowledgement,
                                run.outcomes());
                    }

                    @Override
                    public void after(Run run, Online online) {
                        if (online.deliverer.last().complete()) {
                            new TransferCheck(online.api, run.outcomes()).reportMissing(transferId);
                        }
                    }
                });
    }
}
