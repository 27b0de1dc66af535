package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.StartTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "transfer",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Start a handoff, recovery or return of the assets whose labels are scanned.",
            "The transfer is started when reading ends, and only if every label belongs to an asset you may move;",
            "the receiving side then confirms it with 'scanner confirm'."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the transfer was started",
            "1:it was refused, a label could not be used, or nothing was read",
            "2:wrong command line",
            "3:server unavailable: the request is queued",
            "4:log in again: the request is queued",
            "5:the local queue cannot be used"
        })
final class TransferCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "HANDOFF|RECOVER|RETURN",
            converter = CounterKind.class,
            description = "HANDOFF to a subcontractor, RECOVER from one, or RETURN to the agency.")
    TransferKind kind;

    /** The kinds a counter starts (an ISSUE is started in the web console). */
    static final class CounterKind implements ITypeConverter<TransferKind> {

        @Override
        public TransferKind convert(String value) {
            List<String> counterKinds =
                    Arrays.stream(TransferKind.values())
                            .filter(TransferKind::startsAtCounter)
                            .map(Enum::name)
                            .toList();
            if (!counterKinds.contains(value)) {
                throw new TypeConversionException(
                        "expected one of "
                                + String.join(", ", counterKinds)
                                + " but was '"
                                + value
                                + "'");
            }
            return TransferKind.valueOf(value);
        }
    }

    @Option(
            names = "--to",
            required = true,
            paramLabel = "PARTY_ID",
            description = "The receiving party (a UUID).")
    UUID toPartyId;

    @Option(
            names = "--approval",
            paramLabel = "ID",
            description = "The approval that allows a HANDOFF to this subcontractor (a UUID).")
    UUID approvalId;

    @Parameters(paramLabel = "FILE|DIR", description = "Pictures of labels, or folders of them.")
    List<Path> files = new ArrayList<>();

    @Mixin InputOptions input;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    TransferCommand(Environment environment) {
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
                        return new StartTransfer(
                                online.queue,
                                online.deliverer,
                                online.station,
                                kind,
                                toPartyId,
                                approvalId,
                                environment.clock(),
                                run.outcomes());
                    }
                });
    }
}
