package jp.azukari.scanner.counter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jp.azukari.scanner.input.InputEvent;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.QueueException;

/**
 * One run at the counter: takes what the inputs read, tells our labels from everything else,
 * reports what is not ours or could not be read, and hands each label to the action once, however
 * often it was read in this run.
 */
public final class Counter implements Consumer<InputEvent> {

    private final Action action;
    private final Consumer<Outcome> outcomes;
    private final Set<String> seen = new HashSet<>();
    private int labels;

    public Counter(Action action, Consumer<Outcome> outcomes) {
        this.action = action;
        this.outcomes = outcomes;
    }

    /** Labels handed to the action so far. */
    public int labels() {
        return labels;
    }

    @Override
    public void accept(InputEvent event) {
        if (event instanceof InputEvent.Failed failed) {
            outcomes.accept(new Outcome.Unreadable(failed));
            return;
        }
        InputEvent.Read read = (InputEvent.Read) event;
        if (read.texts().isEmpty()) {
            outcomes.accept(new Outcome.NothingFound(read.source()));
            return;
        }
        List<Reading.AzukariLabel> fresh = new ArrayList<>();
        for (String text : read.texts()) {
            Reading reading = Reading.of(text);
            if (reading instanceof Reading.AzukariLabel label) {
                if (seen.add(label.canonical())) {
                    fresh.add(label);
                }
            } else if (seen.add(text)) {
                outcomes.accept(new Outcome.NotOurs(read.source(), (Reading.NotOurs) reading));
            }
        }
        if (!fresh.isEmpty()) {
            labels += fresh.size();
            try {
                action.read(read.source(), read.readAt(), fresh);
            } catch (QueueException e) {
                throw new QueueFailure(e);
            }
        }
    }

    /** The queue could not be written: reading must stop, since nothing read now could be kept. */
    public static final class QueueFailure extends RuntimeException {

        private final QueueException cause;

        QueueFailure(QueueException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        public QueueException queueException() {
            return cause;
        }
    }
}
