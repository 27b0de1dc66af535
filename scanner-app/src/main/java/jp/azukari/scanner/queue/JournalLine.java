package jp.azukari.scanner.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * One journal record: exactly one of an added scan, an added transfer request, or a delivery mark.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalLine(QueuedScan scan, QueuedTransfer transfer, List<UUID> delivered) {

    static JournalLine added(QueueItem item) {
        if (item instanceof QueuedScan scan) {
            return new JournalLine(scan, null, null);
        }
        return new JournalLine(null, (QueuedTransfer) item, null);
    }

    static JournalLine delivered(List<UUID> ids) {
        return new JournalLine(null, null, List.copyOf(ids));
    }

    boolean isWellFormed() {
        int parts =
                (scan != null ? 1 : 0) + (transfer != null ? 1 : 0) + (delivered != null ? 1 : 0);
        return parts == 1;
    }

    QueueItem item() {
        return scan != null ? scan : transfer;
    }
}
