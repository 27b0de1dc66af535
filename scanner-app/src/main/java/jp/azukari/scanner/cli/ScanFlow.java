package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.Counter;
import jp.azukari.scanner.queue.QueueException;

/**
 * The path every reading command takes: check the inputs and the session, open the queue, deliver
 * what earlier runs left first (order matters), read, deliver, report, and turn the outcome into an
 * exit status.
 */
final class ScanFlow {

    /** The parts that differ between confirm, lookup and transfer. */
    interface Steps {

        /** Before reading: an exit status to stop with, or null to go on. */
        default Integer before(Run run, Online online) {
            return null;
        }

        Action action(Run run, Online online);

        /** After everything is delivered (or queued). */
        default void after(Run run, Online online) {}
    }

    private ScanFlow() {}

    static int run(
            Environment environment,
            CommonOptions common,
            ConnectionOptions connection,
            InputOptions input,
            List<Path> files,
            Steps steps) {
        Run run = new Run(environment, common);
        Integer invalid = invalidInput(run, input, files);
        if (invalid != null) {
            return invalid;
        }
        Optional<Credentials> credentials = new CredentialStore(run.home.config(), run.json).load();
        if (credentials.isEmpty()) {
            return run.fail(ExitCode.LOGIN_NEEDED, "error.notLoggedIn");
        }
        try (Online online = Online.open(run, credentials.get(), connection)) {
            online.deliverer.deliver(true);
            Integer stop = steps.before(run, online);
            if (stop != null) {
                return stop;
            }
            Counter counter = Inputs.of(files, input, run).read(steps.action(run, online), run);
            steps.after(run, online);
            return run.finish(counter.labels() == 0, online.deliverer.last());
        } catch (QueueException e) {
            return queueProblem(run, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.finish(false, null);
        }
    }

    /** Offline decoding: no session, no queue. */
    static int decode(
            Environment environment,
            CommonOptions common,
            InputOptions input,
            List<Path> files,
            Function<Run, Action> action) {
        Run run = new Run(environment, common);
        Integer invalid = invalidInput(run, input, files);
        if (invalid != null) {
            return invalid;
        }
        try {
            Counter counter = Inputs.of(files, input, run).read(action.apply(run), run);
            return run.finish(counter.labels() == 0, null);
        } catch (QueueException e) {
            return queueProblem(run, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.finish(false, null);
        }
    }

    static Integer invalidInput(Run run, InputOptions input, List<Path> files) {
        if (input.liveCount() > 1) {
            return run.fail(ExitCode.USAGE, "error.oneLiveInput");
        }
        if (files.isEmpty() && !input.live()) {
            return run.fail(ExitCode.USAGE, "error.noInput");
        }
        return null;
    }

    static int queueProblem(Run run, QueueException e) {
        if (e.reason() == QueueException.Reason.BUSY) {
            return run.fail(ExitCode.QUEUE_UNUSABLE, "error.queueBusy", e.location());
        }
        return run.fail(ExitCode.QUEUE_UNUSABLE, "error.queueIo", e.location(), e.getMessage());
    }
}
