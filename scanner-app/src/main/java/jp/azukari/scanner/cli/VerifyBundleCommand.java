package jp.azukari.scanner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.azukari.core.ledger.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inspector's offline check of an inspection bundle: no server, no network, only the bundle.
 */
@Command(
        name = "verify-bundle",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Verify an inspection bundle offline (docs/ledger.md): recompute every ledger chain, check the digest's",
            "signature and Merkle root, every file's and certificate's SHA-256. Needs no server and no network."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every check holds",
            "1:a check failed, or the bundle was refused (ZIP bomb, path traversal, unreadable)",
            "2:wrong command line"
        })
final class VerifyBundleCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(
            paramLabel = "FILE.zip",
            description = "The bundle (GET /api/v1/contracts/{id}/inspection).")
    Path bundle;

    @Option(
            names = "--key",
            paramLabel = "FINGERPRINT",
            description =
                    "The installation's key fingerprint (64 hex) as you received it by another channel.")
    String key;

    VerifyBundleCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            environment.err().println("verify-bundle: no such file: " + bundle);
            return ExitCode.FAILED;
        }
        BundleVerifier.Result result = BundleVerifier.verify(bundle, key);
        for (BundleVerifier.Check c : result.checks()) {
            environment.out().println((c.holds() ? "OK    " : "FAIL  ") + c.line());
        }
        if (result.holds()) {
            environment
                    .out()
                    .println(
                            "VERIFIED: every check holds"
                                    + (key == null
                                            ? " (the key was not compared: use --key)"
                                            : ""));
            return ExitCode.OK;
        }
        environment.out().println("NOT VERIFIED: " + result.failed() + " check(s) failed");
        return ExitCode.FAILED;
    }
}
