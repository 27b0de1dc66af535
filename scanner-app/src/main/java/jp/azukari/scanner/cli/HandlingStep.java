package jp.azukari.scanner.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.Handling;
import jp.azukari.scanner.counter.Acknowledgement;
import jp.azukari.scanner.counter.Outcome;

/**
 * Art. 2.2 before the first scan of a confirmation: fetches the transfer's handling requirements,
 * prints them, and gets the custodian's acknowledgement once for the whole transfer — from {@code
 * --acknowledge-handling}, an earlier run on this device for the same requirements, or a yes at the
 * prompt. Without one, nothing is read or sent.
 */
final class HandlingStep {

    private static final Set<String> YES = Set.of("y", "yes", "はい", "ｙ");
    private static final int LONGEST_ANSWER = 100;

    private final Run run;
    private final Online online;
    private final boolean byOption;

    HandlingStep(Run run, Online online, boolean byOption) {
        this.run = run;
        this.online = online;
        this.byOption = byOption;
    }

    /** What to send with the scans, or null when the command must stop (already said why). */
    Acknowledgement acknowledge(UUID transferId) {
        Handling handling;
        try {
            handling = online.api.handling(transferId);
        } catch (ApiException.Refused refused) {
            run.fail(
                    ExitCode.FAILED,
                    "error.noTransfer",
                    transferId,
                    refused.problem().explanation());
            return null;
        } catch (ApiException unavailable) {
            // queued now, sent later: the server refuses then if the assets have requirements
            run.outcomes().accept(new Outcome.HandlingUnknown(transferId, byOption));
            return byOption ? Acknowledgement.UNSEEN : Acknowledgement.NONE;
        }
        if (!handling.required()) {
            return Acknowledgement.NONE;
        }
        AcknowledgedHandling earlier = new AcknowledgedHandling(run.home.config());
        String server = online.station.server();
        if (byOption) {
            show(handling, Outcome.HandlingConsent.BY_OPTION);
        } else if (earlier.contains(server, transferId, handling.acknowledgement())) {
            show(handling, Outcome.HandlingConsent.EARLIER);
        } else if (!run.environment.interactive()) {
            show(handling, Outcome.HandlingConsent.REFUSED);
            run.fail(ExitCode.FAILED, "error.handling.noTerminal", transferId);
            return null;
        } else {
            show(handling, Outcome.HandlingConsent.ASKED);
            if (!ask()) {
                run.fail(ExitCode.FAILED, "error.handling.declined", transferId);
                return null;
            }
        }
        earlier.add(server, transferId, handling.acknowledgement());
        return handling.acknowledgement() == null
                ? Acknowledgement.UNSEEN
                : Acknowledgement.of(handling.acknowledgement());
    }

    private void show(Handling handling, Outcome.HandlingConsent consent) {
        run.outcomes().accept(new Outcome.HandlingShown(handling, consent));
    }

    /** Asks on the terminal: yes, or anything else (no answer at all included) for no. */
    private boolean ask() {
        run.environment.out().print(run.messages.text("handling.prompt"));
        run.environment.out().flush();
        String answer = readLine(run.environment.in());
        // the results start on a line of their own, also when the answer was not echoed
        run.environment.out().println();
        return answer != null && YES.contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * One line, byte by byte: whatever follows (a keyboard-wedge scanner's labels on the same
     * input) stays unread for the scanning that comes next.
     */
    private static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() < LONGEST_ANSWER) {
                    line.write(b);
                }
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
