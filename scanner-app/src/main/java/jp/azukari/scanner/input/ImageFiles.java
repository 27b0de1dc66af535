package jp.azukari.scanner.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import jp.azukari.core.image.PhotoDecoder;

/**
 * Picture files named on the command line, and the pictures inside named folders (recursively, in
 * name order, skipping hidden files and anything that is not PNG, JPEG, GIF or BMP). A file named
 * explicitly is always tried.
 */
public final class ImageFiles implements ScanInput {

    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private final List<Path> paths;
    private final PhotoDecoder decoder;
    private final FolderLister lister;
    private final Clock clock;
    private final Progress progress;

    public ImageFiles(
            List<Path> paths,
            PhotoDecoder decoder,
            FolderLister lister,
            Clock clock,
            Progress progress) {
        this.paths = List.copyOf(paths);
        this.decoder = decoder;
        this.lister = lister;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void run(Consumer<InputEvent> sink) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                collect(path, files, sink);
            } else {
                files.add(path);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            progress.step(i, files.size(), file.toString());
            sink.accept(ImageDecoding.decode(decoder, file, file.toString(), clock.instant()));
        }
        progress.step(files.size(), files.size(), "");
    }

    private void collect(Path folder, List<Path> files, Consumer<InputEvent> sink) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = lister.list(folder)) {
            listing.forEach(entries::add);
        } catch (AccessDeniedException e) {
            sink.accept(
                    new InputEvent.Failed(
                            folder.toString(),
                            clock.instant(),
                            InputEvent.Problem.FOLDER_NO_PERMISSION,
                            e.getMessage()));
            return;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            sink.accept(
                    new InputEvent.Failed(
                            folder.toString(),
                            clock.instant(),
                            InputEvent.Problem.FOLDER_IO_ERROR,
                            e.getMessage()));
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            if (isHidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                collect(entry, files, sink);
            } else if (isPicture(entry)) {
                files.add(entry);
            }
        }
    }

    static boolean isPicture(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }
}
