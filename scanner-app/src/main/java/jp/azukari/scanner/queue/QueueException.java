package jp.azukari.scanner.queue;

import java.nio.file.Path;

/** The queue could not be read or written; nothing may be sent that is not safely on disk. */
public final class QueueException extends Exception {

    public enum Reason {
        /** Another scanner process holds the queue. */
        BUSY,
        /** The journal could not be read, written or synced (disk full, no permission, ...). */
        IO
    }

    private final Reason reason;
    private final Path location;

    public QueueException(Reason reason, Path location, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.location = location;
    }

    public Reason reason() {
        return reason;
    }

    public Path location() {
        return location;
    }
}
