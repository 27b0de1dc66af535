package jp.azukari.scanner.input;

import java.util.function.Consumer;

/**
 * A place labels are read from. {@link #run} returns when the input is exhausted, or when a live
 * input is closed.
 */
public interface ScanInput {

    void run(Consumer<InputEvent> sink) throws InterruptedException;
}
