package jp.azukari.scanner.counter;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts outcomes by their final state: a scan first queued and later answered counts once, as
 * answered. Notes are not counted; they are not about one scan.
 */
public final class Tally implements Consumer<Outcome> {

    private final Map<Object, Outcome.Mark> marks = new HashMap<>();

    @Override
    public void accept(Outcome outcome) {
        if (outcome.mark() != Outcome.Mark.NOTE) {
            marks.put(key(outcome), outcome.mark());
        }
    }

    public int count(Outcome.Mark mark) {
        return (int) marks.values().stream().filter(mark::equals).count();
    }

    public int total() {
        return marks.size();
    }

    private static Object key(Outcome outcome) {
        if (outcome instanceof Outcome.ScanAnswered answered) {
            return answered.scan().scanId();
        }
        if (outcome instanceof Outcome.ScanRefused refused) {
            return refused.scan().scanId();
        }
        if (outcome instanceof Outcome.ScanQueued queued) {
            return queued.scan().scanId();
        }
        if (outcome instanceof Outcome.TransferLabel label) {
            return label.label().scanId();
        }
        if (outcome instanceof Outcome.TransferStarted started) {
            return started.request().requestId();
        }
        if (outcome instanceof Outcome.TransferNotStarted notStarted) {
            return notStarted.request().requestId();
        }
        if (outcome instanceof Outcome.TransferQueued queued) {
            return queued.request().requestId();
        }
        return new Object();
    }
}
