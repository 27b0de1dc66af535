package jp.azukari.core.decode;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.util.Arrays;

/**
 * An 8-bit luminance copy of a picture: the only form the decoder works on, cheap to scale and to
 * hand to ZXing. Made from a camera frame's luma plane directly, or from an image by {@code
 * jp.azukari.core.image.GrayImages}.
 */
public final class GrayImage {

    private final int width;
    private final int height;
    private final byte[] luma;

    private GrayImage(int width, int height, byte[] luma) {
        if (width <= 0 || height <= 0 || luma.length != width * height) {
            throw new IllegalArgumentException("luma must hold width × height samples");
        }
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    /**
     * A picture's luminance, row by row, one unsigned byte per pixel ({@code width × height} of
     * them; kept, not copied).
     */
    public static GrayImage of(int width, int height, byte[] luma) {
        return new GrayImage(width, height, luma);
    }

    /**
     * The luminance of one ARGB pixel (BT.601 weights); a transparent pixel counts as white paper.
     */
    public static int luminance(int argb) {
        int alpha = argb >>> 24;
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        int gray = (306 * r + 601 * g + 117 * b + 512) >> 10;
        if (alpha == 0xFF) {
            return gray;
        }
        return (gray * alpha + 0xFF * (0xFF - alpha)) / 0xFF;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int longSide() {
        return Math.max(width, height);
    }

    /** Averages factor × factor blocks: smooths sensor noise and JPEG blocking while shrinking. */
    public GrayImage downscaled(int factor) {
        if (factor <= 1) {
            return this;
        }
        int w = width / factor;
        int h = height / factor;
        if (w == 0 || h == 0) {
            return this;
        }
        byte[] out = new byte[w * h];
        int area = factor * factor;
        int[] sums = new int[w];
        for (int y = 0; y < h; y++) {
            Arrays.fill(sums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int rowStart = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    int start = rowStart + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sums[x] += luma[start + dx] & 0xFF;
                    }
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) ((sums[x] + area / 2) / area);
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Doubles each side with bilinear interpolation; gives the finder-pattern search more pixels on
     * tiny crops.
     */
    public GrayImage upscaled2x() {
        int w = width * 2;
        int h = height * 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            float sy = Math.max(0, (y - 0.5f) / 2);
            int y0 = Math.min((int) sy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            float fy = sy - y0;
            for (int x = 0; x < w; x++) {
                float sx = Math.max(0, (x - 0.5f) / 2);
                int x0 = Math.min((int) sx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                float fx = sx - x0;
                float top = sample(x0, y0) * (1 - fx) + sample(x1, y0) * fx;
                float bottom = sample(x0, y1) * (1 - fx) + sample(x1, y1) * fx;
                out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(w, h, out);
    }

    private int sample(int x, int y) {
        return luma[y * width + x] & 0xFF;
    }

    /** The picture as zxing reads it. */
    public LuminanceSource luminanceSource() {
        return new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false);
    }
}
