package jp.azukari.scanner.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.core.image.UnreadableImage;

/**
 * Runs a shell command whose standard output is a stream of pictures (for example ffmpeg writing
 * MJPEG from a webcam) and decodes every frame. A label that stays in view is reported once, in the
 * first frame that shows it. Frames are decoded as fast as they come; when decoding is slower the
 * pipe fills and the camera command waits or drops frames.
 */
public final class CameraStream implements ScanInput, AutoCloseable {

    public static final int DEFAULT_MAX_FRAME_BYTES = 32 * 1024 * 1024;
    private static final int STDERR_LINES_KEPT = 5;
    private static final long EXIT_WAIT_SECONDS = 5;

    private final String command;
    private final PhotoDecoder decoder;
    private final Clock clock;
    private final int maxFrameBytes;
    private volatile Process process;
    private volatile boolean closed;

    public CameraStream(String command, PhotoDecoder decoder, Clock clock, int maxFrameBytes) {
        this.command = command;
        this.decoder = decoder;
        this.clock = clock;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void run(Consumer<InputEvent> sink) throws InterruptedException {
        Process started;
        try {
            started = new ProcessBuilder(shell(command)).start();
            started.getOutputStream().close();
        } catch (IOException e) {
            sink.accept(failed(InputEvent.Problem.CAMERA_NOT_STARTED, e.getMessage()));
            return;
        }
        process = started;
        Deque<String> errors = new ArrayDeque<>();
        Thread drain = drain(started.getErrorStream(), errors);
        int pictures;
        try {
            pictures = decodeFrames(started.getInputStream(), sink);
        } catch (FrameReader.FrameTooLarge e) {
            started.destroy();
            sink.accept(failed(InputEvent.Problem.CAMERA_FRAME_TOO_LARGE, e.getMessage()));
            return;
        } catch (IOException e) {
            started.destroy();
            if (!closed) {
                sink.accept(failed(InputEvent.Problem.CAMERA_FAILED, e.getMessage()));
            }
            return;
        }
        // Its output has ended; give the command a moment to exit on its own, so its last words can
        // be read.
        if (!started.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            started.destroy();
        }
        int exit = started.waitFor();
        drain.join(1000);
        if (closed) {
            return;
        }
        String ending = "exit " + exit + (tail(errors).isEmpty() ? "" : ": " + tail(errors));
        if (pictures == 0) {
            sink.accept(failed(InputEvent.Problem.CAMERA_NO_FRAMES, ending));
        } else if (exit != 0) {
            sink.accept(failed(InputEvent.Problem.CAMERA_FAILED, ending));
        }
    }

    private int decodeFrames(InputStream stdout, Consumer<InputEvent> sink) throws IOException {
        FrameReader frames = new FrameReader(stdout, maxFrameBytes);
        Set<String> seen = new HashSet<>();
        int number = 0;
        int pictures = 0;
        for (byte[] frame = frames.next(); frame != null && !closed; frame = frames.next()) {
            number++;
            String source = "camera frame " + number;
            List<String> fresh;
            try {
                fresh =
                        decoder.decode(frame, source).stream()
                                .map(code -> code.text())
                                .filter(seen::add)
                                .toList();
                pictures++;
            } catch (UnreadableImage damaged) {
                continue; // A live stream glitches now and then; the next frame shows the same
                // scene.
            }
            if (!fresh.isEmpty()) {
                sink.accept(new InputEvent.Read(source, clock.instant(), fresh));
            }
        }
        return pictures;
    }

    @Override
    public void close() {
        closed = true;
        Process running = process;
        if (running != null) {
            running.destroy();
        }
    }

    private InputEvent failed(InputEvent.Problem problem, String detail) {
        return new InputEvent.Failed(
                "camera: " + command,
                clock.instant(),
                problem,
                detail == null ? "" : detail.strip());
    }

    static List<String> shell(String command) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
    }

    /**
     * Keeps the camera command's last few error lines for the message, and keeps its stderr pipe
     * from filling.
     */
    private static Thread drain(InputStream stderr, Deque<String> kept) {
        Thread thread =
                new Thread(
                        () -> {
                            try (BufferedReader reader =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    stderr, StandardCharsets.UTF_8))) {
                                for (String line = reader.readLine();
                                        line != null;
                                        line = reader.readLine()) {
                                    synchronized (kept) {
                                        kept.addLast(
                                                line.length() > 200
                                                        ? line.substring(0, 200)
                                                        : line);
                                        if (kept.size() > STDERR_LINES_KEPT) {
                                            kept.removeFirst();
                                        }
                                    }
                                }
                            } catch (IOException ignored) {
                                // The command is gone; whatever was kept is enough for the message.
                            }
                        },
                        "camera-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String tail(Deque<String> kept) {
        synchronized (kept) {
            return String.join(" | ", kept);
        }
    }
}
