package jp.azukari.scanner.queue;

import java.util.UUID;

/** Something read at the counter that the server has not yet acknowledged. */
public sealed interface QueueItem permits QueuedScan, QueuedTransfer {

    /** The client-made id the server is idempotent on. */
    UUID id();

    /**
     * The server it is meant for; the queue may hold items for a server the user is no longer
     * logged in to.
     */
    String server();

    String deviceId();
}
