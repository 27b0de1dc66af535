package jp.azukari.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTests {

    @TempDir Path folder;

    private final PhotoDecoder decoder = new PhotoDecoder(new ImageLoader(), new QrDecoder());

    @Test
    void foldersAreReadRecursivelyInNameOrderSkippingHiddenFilesAndNonPictures()
            throws IOException {
        Files.createDirectories(folder.resolve("b"));
        write("b/2.PNG", "two");
        write("a.jpg", "one");
        write("c.gif", "three");
        write(".hidden.png", "hidden");
        Files.writeString(folder.resolve("notes.txt"), "not a picture");

        List<InputEvent> events = read(List.of(folder));

        assertThat(events)
                .flatExtracting(e -> ((InputEvent.Read) e).texts())
                .containsExactly("one", "two", "three");
    }

    @Test
    void aFolderThatMayNotBeListedIsReportedAndTheOtherInputsAreStillRead() throws IOException {
        Path locked = Files.createDirectories(folder.resolve("locked"));
        write("locked/inside.png", "never");
        Path open = write("open.png", "read");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Root ignores permission bits, so the refusal an ordinary user gets from the OS is also
        // given explicitly.
        FolderLister refusing =
                dir -> {
                    if (dir.equals(locked)) {
                        throw new AccessDeniedException(dir.toString());
                    }
                    return FolderLister.FILE_SYSTEM.list(dir);
                };

        List<InputEvent> events = new ArrayList<>();
        new ImageFiles(List.of(locked, open), decoder, refusing, Clock.systemUTC(), Progress.NONE)
                .run(events::add);

        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        InputEvent.Failed.class,
                        failed ->
                                assertThat(failed.problem())
                                        .isEqualTo(InputEvent.Problem.FOLDER_NO_PERMISSION));
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        InputEvent.Read.class,
                        read -> assertThat(read.texts()).containsExactly("read"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileNamedExplicitlyIsTriedWhateverItsNameAndReportedWhenItIsNoPicture()
            throws IOException {
        Path odd = Files.writeString(folder.resolve("label.dat"), "plain text");

        assertThat(read(List.of(odd)))
                .singleElement()
                .isInstanceOfSatisfying(
                        InputEvent.Failed.class,
                        failed ->
                                assertThat(failed.problem())
                                        .isEqualTo(InputEvent.Problem.NOT_AN_IMAGE));
    }

    @Test
    void progressIsToldForEveryPictureAndTheEnd() throws IOException {
        write("1.png", "a");
        write("2.png", "b");
        List<String> steps = new ArrayList<>();

        new ImageFiles(
                        List.of(folder),
                        decoder,
                        FolderLister.FILE_SYSTEM,
                        Clock.systemUTC(),
                        (done, total, current) -> steps.add(done + "/" + total))
                .run(e -> {});

        assertThat(steps).containsExactly("0/2", "1/2", "2/2");
    }

    private List<InputEvent> read(List<Path> paths) {
        List<InputEvent> events = new ArrayList<>();
        new ImageFiles(paths, decoder, FolderLister.FILE_SYSTEM, Clock.systemUTC(), Progress.NONE)
                .run(events::add);
        return events;
    }

    private Path write(String name, String text) throws IOException {
        String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
        return Files.write(
                folder.resolve(name), LabelPictures.encode(LabelPictures.qr(text, 4), format));
    }
}
