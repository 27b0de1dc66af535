package jp.azukari.scanner.cli;

import java.io.PrintStream;
import jp.azukari.scanner.input.Progress;

/**
 * A single self-overwriting line on stderr while a big folder or queue is worked through; only on a
 * terminal.
 */
final class ProgressLine implements Progress {

    /** Below this many items the work is over before a progress line would help. */
    private static final int WORTH_SHOWING = 20;

    private static final int WIDTH = 78;

    private final PrintStream err;
    private final Messages messages;
    private boolean shown;

    ProgressLine(PrintStream err, Messages messages) {
        this.err = err;
        this.messages = messages;
    }

    /** Wipes the line, so that a result printed next does not land on top of it. */
    synchronized void clear() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH) + "\r");
            err.flush();
            shown = false;
        }
    }

    @Override
    public synchronized void step(int done, int total, String current) {
        if (total < WORTH_SHOWING) {
            return;
        }
        if (done >= total) {
            clear();
            return;
        }
        String text = messages.text("progress", done + 1, total, current);
        if (text.length() > WIDTH) {
            text = "…" + text.substring(text.length() - WIDTH + 1);
        }
        err.print("\r" + text + " ".repeat(Math.max(0, WIDTH - text.length())));
        err.flush();
        shown = true;
    }
}
