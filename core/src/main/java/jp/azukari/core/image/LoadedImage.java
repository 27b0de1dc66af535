package jp.azukari.core.image;

import java.awt.image.BufferedImage;

/**
 * A picture as read: {@code width × height} is its size on disk; {@code subsampling} > 1 when only
 * every n-th pixel was kept. {@code damage} is what the reader warned about (a JPEG cut off, say),
 * empty when the file was whole: a damaged picture may still show a label, so it is decoded anyway.
 */
public record LoadedImage(
        BufferedImage image, int width, int height, int subsampling, String damage) {

    public boolean damaged() {
        return !damage.isEmpty();
    }
}
