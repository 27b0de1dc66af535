package jp.azukari.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "scanner",
        mixinStandardHelpOptions = true,
        versionProvider = ScannerCommand.Version.class,
        description = {
            "Azukari counter scanner: reads QR labels from pictures, a watched folder, a barcode scanner "
                    + "or a camera, and confirms, starts or looks up custody transfers, or takes an inventory (audit).",
            "Scans are kept in a durable local queue until the server has them; nothing is lost if the program is killed."
        },
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            ConfirmCommand.class,
            TransferCommand.class,
            LookupCommand.class,
            AuditCommand.class,
            DecodeCommand.class,
            SyncCommand.class,
            VerifyBundleCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ScannerCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = ScannerCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "azukari scanner " + (version == null ? "(development build)" : version)
            };
        }
    }
}
