package jp.azukari.scanner.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Picture helpers for tests: lossless quarter-turn rotation, reading. */
public final class Images {

    private Images() {}

    public static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("not an image: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rotates clockwise by 0, 90, 180 or 270 degrees, pixel for pixel. */
    public static BufferedImage rotated(BufferedImage source, int degrees) {
        if (degrees == 0) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean quarter = degrees == 90 || degrees == 270;
        BufferedImage target =
                new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            source.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                switch (degrees) {
                    case 90 -> target.setRGB(h - 1 - y, x, row[x]);
                    case 180 -> target.setRGB(w - 1 - x, h - 1 - y, row[x]);
                    case 270 -> target.setRGB(y, w - 1 - x, row[x]);
                    default ->
                            throw new IllegalArgumentException(
                                    "rotation must be a multiple of 90: " + degrees);
                }
            }
        }
        return target;
    }
}
