package jp.azukari.scanner.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable local queue: every scan is on disk, synced, before anything is sent, and stays until
 * the server has acknowledged it. Items come back out in the order they were added. One process at
 * a time owns a queue folder.
 */
public final class ScanQueue implements AutoCloseable {

    static final String JOURNAL = "journal.log";
    private static final String LOCK = "queue.lock";

    /** Rewrite the journal when it holds this many more lines than there are pending items. */
    private static final int COMPACT_SLACK = 1000;

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Journal journal;
    private final Map<UUID, QueueItem> pending;
    private final int damagedLines;

    private ScanQueue(
            Path folder,
            FileChannel lockChannel,
            FileLock lock,
            Journal journal,
            Map<UUID, QueueItem> pending,
            int damagedLines) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.journal = journal;
        this.pending = pending;
        this.damagedLines = damagedLines;
    }

    public static ScanQueue open(Path folder, JsonMapper json) throws QueueException {
        FileChannel lockChannel = null;
        try {
            createPrivately(folder);
            lockChannel =
                    FileChannel.open(
                            folder.resolve(LOCK),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                lockChannel.close();
                throw new QueueException(
                        QueueException.Reason.BUSY,
                        folder,
                        "another scanner is using this queue",
                        null);
            }
            Map<UUID, QueueItem> pending = new LinkedHashMap<>();
            int[] damaged = {0};
            Journal journal =
                    Journal.open(
                            folder.resolve(JOURNAL),
                            json,
                            new Journal.Replay() {
                                @Override
                                public void line(JournalLine line) {
                                    if (line.delivered() != null) {
                                        line.delivered().forEach(pending::remove);
                                    } else {
                                        pending.putIfAbsent(line.item().id(), line.item());
                                    }
                                }

                                @Override
                                public void damaged() {
                                    damaged[0]++;
                                }
                            });
            return new ScanQueue(folder, lockChannel, lock, journal, pending, damaged[0]);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new QueueException(QueueException.Reason.IO, folder, describe(e), e);
        }
    }

    /**
     * The journal names assets and transfers: like the session, it is for its owner's eyes only.
     */
    private static void createPrivately(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    folder,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Words for the counter rather than an exception's class name. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + e.getMessage();
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason() + ": " + fileSystem.getFile();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * Lines of the journal that were damaged in the middle (not a torn end) and so were skipped.
     */
    public int damagedLines() {
        return damagedLines;
    }

    /** Writes the items to the journal and syncs it; only then are they pending. */
    public synchronized void add(List<? extends QueueItem> items) throws QueueException {
        if (items.isEmpty()) {
            return;
        }
        try {
            journal.append(items.stream().map(JournalLine::added).toList());
        } catch (IOException e) {
            throw new QueueException(QueueException.Reason.IO, folder, describe(e), e);
        }
        items.forEach(item -> pending.putIfAbsent(item.id(), item));
    }

    public synchronized List<QueueItem> pending() {
        return List.copyOf(pending.values());
    }

    public synchronized int size() {
        return pending.size();
    }

    /**
     * Records that the server answered these items; once nothing is pending the journal is emptied.
     */
    public synchronized void markDelivered(Collection<UUID> ids) throws QueueException {
        List<UUID> known = ids.stream().filter(pending::containsKey).toList();
        if (known.isEmpty()) {
            return;
        }
        try {
            journal.append(List.of(JournalLine.delivered(known)));
            known.forEach(pending::remove);
            compactIfWorthIt();
        } catch (IOException e) {
            throw new QueueException(QueueException.Reason.IO, folder, describe(e), e);
        }
    }

    private void compactIfWorthIt() throws IOException {
        if (pending.isEmpty() || journal.lines() > pending.size() + COMPACT_SLACK) {
            List<JournalLine> live = new ArrayList<>();
            pending.values().forEach(item -> live.add(JournalLine.added(item)));
            journal.rewrite(live);
        }
    }

    @Override
    public synchronized void close() throws QueueException {
        try {
            journal.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new QueueException(QueueException.Reason.IO, folder, describe(e), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one worth reporting.
            }
        }
    }
}
