package jp.azukari.scanner.cli;

/** The program's exit statuses; 0 only when every scan succeeded. */
final class ExitCode {

    static final int OK = 0;

    /** A scan was refused, a picture unreadable, a code not ours, or nothing was read at all. */
    static final int FAILED = 1;

    /** The command line was wrong (picocli's own code). */
    static final int USAGE = 2;

    /**
     * The server could not be used; the scans are safe in the queue and go with the next sync or
     * command.
     */
    static final int QUEUED = 3;

    /** A new login is needed; the scans are safe in the queue. */
    static final int LOGIN_NEEDED = 4;

    /** The local queue could not be used, so nothing was read or sent. */
    static final int QUEUE_UNUSABLE = 5;

    /** A fault in the program itself. */
    static final int SOFTWARE = 70;

    private ExitCode() {}
}
