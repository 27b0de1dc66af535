package jp.azukari.scanner.counter;

import java.time.Instant;
import java.util.List;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.QueueException;

/**
 * What a run does with the labels it reads: print them, confirm a transfer, look them up, start a
 * transfer.
 */
public interface Action {

    /** Labels read together (one picture, frame or line), each new in this run. */
    void read(String source, Instant readAt, List<Reading.AzukariLabel> labels)
            throws QueueException;

    /** The inputs are exhausted (or were stopped): deliver what is left and report. */
    void finish() throws QueueException;
}
