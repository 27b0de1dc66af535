package jp.azukari.scanner.counter;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import jp.azukari.scanner.label.Reading;

/** Offline: prints each label read, sends nothing, queues nothing. */
public final class DecodeOnly implements Action {

    private final Consumer<Outcome> outcomes;

    public DecodeOnly(Consumer<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void read(String source, Instant readAt, List<Reading.AzukariLabel> labels) {
        labels.forEach(label -> outcomes.accept(new Outcome.LabelRead(source, label)));
    }

    @Override
    public void finish() {
        // Nothing is pending: every label was printed as it was read.
    }
}
