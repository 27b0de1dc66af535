package jp.azukari.scanner.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * A keyboard-wedge barcode scanner: one payload per line on standard input. A line longer than
 * {@code maxLength} is refused without ever being held whole in memory, so a runaway device or a
 * pasted file cannot exhaust the heap.
 */
public final class StdinLines implements ScanInput {

    public static final int DEFAULT_MAX_LENGTH = 512;

    private final InputStream in;
    private final Clock clock;
    private final int maxLength;

    public StdinLines(InputStream in, Clock clock, int maxLength) {
        this.in = in;
        this.clock = clock;
        this.maxLength = maxLength;
    }

    @Override
    public void run(Consumer<InputEvent> sink) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        int number = 0;
        long length = 0;
        try {
            for (int c = reader.read(); ; c = reader.read()) {
                if (c == -1 || c == '\n') {
                    if (c == -1 && length == 0) {
                        return;
                    }
                    number++;
                    emit(sink, number, line, length);
                    line.setLength(0);
                    length = 0;
                    if (c == -1) {
                        return;
                    }
                } else {
                    length++;
                    if (length <= maxLength) {
                        line.append((char) c);
                    }
                }
            }
        } catch (IOException e) {
            sink.accept(
                    new InputEvent.Failed(
                            "stdin",
                            clock.instant(),
                            InputEvent.Problem.FILE_IO_ERROR,
                            e.getMessage()));
        }
    }

    private void emit(Consumer<InputEvent> sink, int number, StringBuilder line, long length) {
        String source = "stdin:" + number;
        if (length > maxLength) {
            sink.accept(
                    new InputEvent.Failed(
                            source,
                            clock.instant(),
                            InputEvent.Problem.LINE_TOO_LONG,
                            String.valueOf(length)));
            return;
        }
        String text = line.toString().strip();
        if (!text.isEmpty()) {
            sink.accept(new InputEvent.Read(source, clock.instant(), List.of(text)));
        }
    }
}
