package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.azukari.scanner.counter.DecodeOnly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Read labels and print their payloads, offline: nothing is sent or queued.",
            "Tells Azukari labels from QR codes that are not ours; only the server can tell a genuine label from a forged one."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every code read is an Azukari label",
            "1:a picture was unreadable or had no code, a code was not ours, "
                    + "or nothing was read",
            "2:wrong command line"
        })
final class DecodeCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(paramLabel = "FILE|DIR", description = "Pictures of labels, or folders of them.")
    List<Path> files = new ArrayList<>();

    @Mixin InputOptions input;

    @Mixin CommonOptions common;

    DecodeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return ScanFlow.decode(
                environment, common, input, files, run -> new DecodeOnly(run.outcomes()));
    }
}
