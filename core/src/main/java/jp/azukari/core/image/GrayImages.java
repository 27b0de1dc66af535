package jp.azukari.core.image;

import java.awt.image.BufferedImage;
import jp.azukari.core.decode.GrayImage;

/** Decoded images to the luminance the decoder reads. */
public final class GrayImages {

    private GrayImages() {}

    /**
     * Converts row by row, so no second full-size ARGB copy is made. Transparent pixels count as
     * white paper.
     */
    public static GrayImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luma = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                luma[offset + x] = (byte) GrayImage.luminance(row[x]);
            }
        }
        return GrayImage.of(width, height, luma);
    }
}
