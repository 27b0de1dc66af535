package jp.azukari.scanner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of the six ZXing photo sets with the per-rotation minimum its README gives (the counts
 * ZXing's own MultiFormatReader reaches with TRY_HARDER at 0°, 90°, 180°, 270°).
 */
public enum PhotoSet {
    QRCODE_1("qrcode-1", 17, 14, 17, 14),
    QRCODE_2("qrcode-2", 32, 30, 31, 31),
    QRCODE_3("qrcode-3", 38, 39, 36, 39),
    QRCODE_4("qrcode-4", 36, 35, 35, 35),
    QRCODE_5("qrcode-5", 19, 19, 19, 19),
    QRCODE_6("qrcode-6", 15, 14, 13, 14);

    public static final int[] ROTATIONS = {0, 90, 180, 270};

    private final String folder;
    private final int[] thresholds;

    PhotoSet(String folder, int... thresholds) {
        this.folder = folder;
        this.thresholds = thresholds;
    }

    public String folder() {
        return folder;
    }

    public int threshold(int rotation) {
        return thresholds[rotation / 90];
    }

    public List<Photo> photos() {
        Path dir = TestData.qrPhotos().resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            List<Photo> photos =
                    files.filter(p -> p.getFileName().toString().endsWith(".png"))
                            .sorted()
                            .map(PhotoSet::photo)
                            .toList();
            if (photos.isEmpty()) {
                throw new IllegalStateException("no photos in " + dir);
            }
            return photos;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Photo photo(Path png) {
        String name = png.getFileName().toString();
        Path text = png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".txt");
        try {
            return new Photo(png, Files.readString(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("expected text beside " + png, e);
        }
    }

    public record Photo(Path file, String expectedText) {}
}
