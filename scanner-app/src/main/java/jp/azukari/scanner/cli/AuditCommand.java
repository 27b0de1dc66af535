package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.Audit;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.Outcome;
import jp.azukari.scanner.counter.ScanAndSend;
import jp.azukari.scanner.queue.Purpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Take an inventory: scan labels into an open audit session (art. 9).",
            "Prints one line per label: FOUND (expected here), UNEXPECTED (with where the ledger places it) or a"
                    + " duplicate, then the audit's counts so far. Closing the audit is done in the console or the API."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every label was counted (found or unexpected)",
            "1:the audit is closed or not yours to see, a label was refused, not ours or unreadable, or nothing was read",
            "2:wrong command line",
            "3:server unavailable: the scans are queued",
            "4:log in again: the scans are queued",
            "5:the local queue cannot be used"
        })
final class AuditCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(index = "0", paramLabel = "AUDIT_ID", description = "The open audit (a UUID).")
    UUID auditId;

    @Parameters(
            index = "1..*",
            paramLabel = "FILE|DIR",
            description = "Pictures of labels, or folders of them.")
    List<Path> files = new ArrayList<>();

    @Mixin InputOptions input;

    @Mixin ConnectionOptions connection;

    @Mixin CommonOptions common;

    AuditCommand(Environment environment) {
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
                    public Integer before(Run run, Online online) {
                        try {
                            Audit audit = online.api.audit(auditId);
                            if (!audit.open()) {
                                return run.fail(
                                        ExitCode.FAILED,
                                        "error.auditClosed",
                                        auditId,
                                        audit.partyName());
                            }
                            return null;
                        } catch (ApiException.Refused refused) {
                            return run.fail(
                                    ExitCode.FAILED,
                                    refused.problem().status() == 403
                                            ? "error.auditForbidden"
                                            : "error.noAudit",
                                    auditId,
                                    refused.problem().explanation());
                        } catch (ApiException offline) {
                            // scans are queued and counted later; the server answers each of them
                            return null;
                        }
                    }

                    @Override
                    public Action action(Run run, Online online) {
                        return new ScanAndSend(
                                online.queue,
                                online.deliverer,
                                online.station,
                                Purpose.AUDIT,
                                null,
                                auditId,
                                input.live(),
                                run.outcomes());
                    }

                    @Override
                    public void after(Run run, Online online) {
                        Audit now = null;
                        if (online.deliverer.last().complete()) {
                            try {
                                now = online.api.audit(auditId);
                            } catch (ApiException e) {
                                // the lines above already say what happened to each scan
                            }
                        }
                        var seen = run.printer.audit;
                        run.outcomes()
                                .accept(
                                        new Outcome.AuditStatus(
                                                now,
                                                seen.found(),
                                                seen.unexpected(),
                                                seen.duplicates()));
                    }
                });
    }
}
