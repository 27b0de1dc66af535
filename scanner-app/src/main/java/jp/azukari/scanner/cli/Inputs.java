package jp.azukari.scanner.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.scanner.counter.Action;
import jp.azukari.scanner.counter.Counter;
import jp.azukari.scanner.input.CameraStream;
import jp.azukari.scanner.input.FolderWatch;
import jp.azukari.scanner.input.ImageFiles;
import jp.azukari.scanner.input.ScanInput;
import jp.azukari.scanner.input.StdinLines;
import jp.azukari.scanner.queue.QueueException;

/** Builds the inputs a command was given and reads them all through the counter, files first. */
final class Inputs {

    /** A picture in a watched folder counts as written once unchanged for this long. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    /**
     * On Ctrl-C, how long the program waits for the run to deliver and report before it exits
     * anyway.
     */
    private static final long GRACE_SECONDS = 40;

    private final List<ScanInput> inputs;

    private Inputs(List<ScanInput> inputs) {
        this.inputs = inputs;
    }

    static Inputs of(List<Path> files, InputOptions options, Run run) {
        Environment environment = run.environment;
        PhotoDecoder decoder = new PhotoDecoder(new ImageLoader(), new QrDecoder());
        List<ScanInput> inputs = new ArrayList<>();
        if (!files.isEmpty()) {
            inputs.add(
                    new ImageFiles(
                            files,
                            decoder,
                            environment.folders(),
                            environment.clock(),
                            run.progress()));
        }
        if (options.stdin) {
            inputs.add(
                    new StdinLines(
                            environment.in(), environment.clock(), StdinLines.DEFAULT_MAX_LENGTH));
        }
        if (options.watch != null) {
            inputs.add(new FolderWatch(options.watch, decoder, environment.clock(), SETTLE));
        }
        if (options.camera != null) {
            PhotoDecoder quick =
                    new PhotoDecoder(new ImageLoader(), new QrDecoder(QrDecoder.Effort.QUICK));
            inputs.add(
                    new CameraStream(
                            options.camera,
                            quick,
                            environment.clock(),
                            CameraStream.DEFAULT_MAX_FRAME_BYTES));
        }
        return new Inputs(inputs);
    }

    /**
     * Reads everything, then lets the action finish. A watched folder or camera runs until Ctrl-C;
     * then it is closed and the run still delivers and prints its summary before the program exits.
     */
    Counter read(Action action, Run run) throws QueueException, InterruptedException {
        Counter counter = new Counter(action, run.outcomes());
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt =
                new Thread(
                        () -> {
                            inputs.forEach(Inputs::stop);
                            try {
                                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "scanner-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            for (ScanInput input : inputs) {
                input.run(counter);
            }
            action.finish();
            return counter;
        } catch (Counter.QueueFailure e) {
            throw e.queueException();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is waiting for exactly this moment.
            }
        }
    }

    private static void stop(ScanInput input) {
        if (input instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Stopping is best effort; the journal already holds everything read.
            }
        }
    }
}
