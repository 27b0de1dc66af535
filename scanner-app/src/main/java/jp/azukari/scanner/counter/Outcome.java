package jp.azukari.scanner.counter;

import java.util.List;
import jp.azukari.scanner.client.ApiException;
import jp.azukari.scanner.client.Problem;
import jp.azukari.scanner.client.ResolvedLabel;
import jp.azukari.scanner.client.ScanResult;
import jp.azukari.scanner.client.Transfer;
import jp.azukari.scanner.input.InputEvent;
import jp.azukari.scanner.label.Reading;
import jp.azukari.scanner.queue.QueuedScan;
import jp.azukari.scanner.queue.QueuedTransfer;

/**
 * Everything the person at the counter is told: one outcome per label or picture, plus a few notes.
 */
public sealed interface Outcome {

    Mark mark();

    enum Mark {
        /** The scan did what was asked. */
        OK,
        /** It did not, and will not by retrying: the person has to act. */
        FAILED,
        /** Safely in the queue; delivered when the server can be reached. */
        QUEUED,
        /** Information that is not about one scan. */
        NOTE
    }

    /** The server's answer to a scan. */
    record ScanAnswered(QueuedScan scan, ScanResult result) implements Outcome {
        @Override
        public Mark mark() {
            return result.succeeded() ? Mark.OK : Mark.FAILED;
        }
    }

    /**
     * The server refused the whole batch the scan was in (a problem answer, not a per-scan result).
     */
    record ScanRefused(QueuedScan scan, Problem problem) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.FAILED;
        }
    }

    record ScanQueued(QueuedScan scan) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.QUEUED;
        }
    }

    /** Offline decoding: a text that looks like one of our labels. */
    record LabelRead(String source, Reading.AzukariLabel label) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.OK;
        }
    }

    record NotOurs(String source, Reading.NotOurs reading) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.FAILED;
        }
    }

    /** A picture in which no QR code could be found. */
    record NothingFound(String source) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.FAILED;
        }
    }

    record Unreadable(InputEvent.Failed input) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.FAILED;
        }
    }

    /** One label of a transfer request, and the asset it resolved to or why it did not. */
    record TransferLabel(QueuedTransfer.LabelScan label, ResolvedLabel asset, Problem problem)
            implements Outcome {
        @Override
        public Mark mark() {
            return problem == null ? Mark.OK : Mark.FAILED;
        }
    }

    record TransferStarted(QueuedTransfer request, Transfer transfer) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.OK;
        }
    }

    /**
     * Not started: {@code problem} is the server's refusal, or null when some labels did not
     * resolve.
     */
    record TransferNotStarted(QueuedTransfer request, Problem problem) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.FAILED;
        }
    }

    record TransferQueued(QueuedTransfer request) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.QUEUED;
        }
    }

    /** After a confirm: the lines of the transfer not yet confirmed (empty when everything is). */
    record StillMissing(Transfer transfer, List<Transfer.Line> lines) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }

    /**
     * After an audit run: the audit as the server counts it now, and what this run saw ({@code
     * audit} is null when the server cannot tell now).
     */
    record AuditStatus(
            jp.azukari.scanner.client.Audit audit, int found, int unexpected, int duplicates)
            implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }

    /** The server could not be used; {@code waiting} items stay queued. */
    record ServerUnavailable(ApiException.Unavailable.Why why, String detail, int waiting)
            implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }

    record LoginNeeded(ApiException.LoginRequired.Why why, int waiting) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }

    /** Items queued for a server other than the one logged in to. */
    record WaitingForOtherServer(String server, int waiting) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }

    /** Lines of the journal that were damaged and skipped when it was opened. */
    record QueueDamaged(int lines, String location) implements Outcome {
        @Override
        public Mark mark() {
            return Mark.NOTE;
        }
    }
}
