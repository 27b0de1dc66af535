package jp.azukari.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatchTests {

    private static final Duration SETTLE = Duration.ofMillis(500);

    @TempDir Path folder;

    @Test
    void aPictureWrittenSlowlyIsDecodedOnceWhenCompleteAndEarlierPicturesAreLeftAlone()
            throws Exception {
        Files.write(
                folder.resolve("before.png"),
                LabelPictures.encode(LabelPictures.qr("already here", 4), "png"));
        byte[] picture = LabelPictures.encode(LabelPictures.qr("new label", 4), "png");
        byte[] moved = LabelPictures.encode(LabelPictures.qr("moved in", 4), "png");
        List<InputEvent> events = new CopyOnWriteArrayList<>();
        FolderWatch watch =
                new FolderWatch(
                        folder,
                        new PhotoDecoder(new ImageLoader(), new QrDecoder()),
                        Clock.systemUTC(),
                        SETTLE);
        Thread watching =
                new Thread(
                        () -> {
                            try {
                                watch.run(events::add);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        watching.start();
        waitFor(watch::isWatching, Duration.ofSeconds(10));

        try (OutputStream out = Files.newOutputStream(folder.resolve("scan.png"))) {
            out.write(Arrays.copyOf(picture, picture.length / 2));
            out.flush();
            Thread.sleep(SETTLE.toMillis() / 5);
            out.write(Arrays.copyOfRange(picture, picture.length / 2, picture.length));
        }
        Path staged =
                Files.write(
                        folder.getParent().resolve(folder.getFileName() + "-staged.png"), moved);
        Files.move(staged, folder.resolve("moved.png"), StandardCopyOption.ATOMIC_MOVE);
        waitFor(() -> events.size() >= 2, Duration.ofSeconds(10));
        Thread.sleep(SETTLE.toMillis() * 2);
        watch.close();
        watching.join(5000);

        assertThat(watching.isAlive()).isFalse();
        assertThat(events).allMatch(InputEvent.Read.class::isInstance);
        assertThat(events)
                .flatExtracting(e -> ((InputEvent.Read) e).texts())
                .containsExactlyInAnyOrder("new label", "moved in");
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }
}
