package jp.azukari.scanner.input;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.azukari.core.image.PhotoDecoder;

/**
 * Decodes each picture that appears in a folder, once, after it has been completely written: a file
 * counts as complete when its size and modification time have not changed for {@code settle}.
 * Pictures already in the folder when watching starts are left alone. Runs until {@link #close()}.
 */
public final class FolderWatch implements ScanInput, AutoCloseable {

    private final Path folder;
    private final PhotoDecoder decoder;
    private final Clock clock;
    private final Duration settle;
    private final Map<Path, Version> done = new HashMap<>();
    private final Map<Path, Sighting> writing = new HashMap<>();
    private volatile WatchService service;
    private volatile boolean closed;
    private volatile boolean watching;

    public FolderWatch(Path folder, PhotoDecoder decoder, Clock clock, Duration settle) {
        this.folder = folder;
        this.decoder = decoder;
        this.clock = clock;
        this.settle = settle;
    }

    @Override
    public void run(Consumer<InputEvent> sink) throws InterruptedException {
        try (WatchService watcher = folder.getFileSystem().newWatchService()) {
            service = watcher;
            folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
            rememberExisting();
            watching = true;
            while (!closed) {
                WatchKey key =
                        watcher.poll(Math.max(20, settle.toMillis() / 2), TimeUnit.MILLISECONDS);
                if (key != null && !take(key)) {
                    sink.accept(failure("the folder is gone"));
                    return;
                }
                decodeSettled(sink);
            }
        } catch (ClosedWatchServiceException stopped) {
            // close() was called: a normal end.
        } catch (IOException e) {
            sink.accept(failure(e.getMessage()));
        }
    }

    /** True once pictures that appear from now on will be seen. */
    public boolean isWatching() {
        return watching;
    }

    @Override
    public void close() {
        closed = true;
        WatchService watcher = service;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // Closing only stops the loop; nothing is left to clean up.
            }
        }
    }

    private boolean take(WatchKey key) throws IOException {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                rescan();
            } else if (event.context() instanceof Path name) {
                note(folder.resolve(name));
            }
        }
        return key.reset();
    }

    private void rememberExisting() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Version version = version(entry);
                if (version != null) {
                    done.put(entry, version);
                }
            }
        }
    }

    /** Events were lost: look at everything, and pick up whatever changed. */
    private void rescan() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(this::note);
        }
    }

    private void note(Path file) {
        if (!ImageFiles.isPicture(file) || file.getFileName().toString().startsWith(".")) {
            return;
        }
        Version version = version(file);
        if (version != null && !version.equals(done.get(file))) {
            writing.merge(
                    file,
                    new Sighting(version, System.nanoTime()),
                    (old, now) -> old.version().equals(now.version()) ? old : now);
        }
    }

    private void decodeSettled(Consumer<InputEvent> sink) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Sighting>> it = writing.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<Path, Sighting> entry = it.next();
            Path file = entry.getKey();
            Version current = version(file);
            if (current == null) {
                it.remove();
            } else if (!current.equals(entry.getValue().version())) {
                entry.setValue(new Sighting(current, now));
            } else if (now - entry.getValue().sinceNanos() >= settle.toNanos()
                    && current.size() > 0) {
                it.remove();
                done.put(file, current);
                sink.accept(ImageDecoding.decode(decoder, file, file.toString(), clock.instant()));
            }
        }
    }

    private InputEvent failure(String detail) {
        return new InputEvent.Failed(
                folder.toString(),
                clock.instant(),
                InputEvent.Problem.WATCH_FAILED,
                Objects.requireNonNullElse(detail, ""));
    }

    private static Version version(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? new Version(attributes.size(), attributes.lastModifiedTime())
                    : null;
        } catch (IOException vanished) {
            return null;
        }
    }

    private record Version(long size, FileTime modified) {}

    private record Sighting(Version version, long sinceNanos) {}
}
