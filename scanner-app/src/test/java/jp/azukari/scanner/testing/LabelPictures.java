package jp.azukari.scanner.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** Makes pictures of Azukari labels for tests: single QR codes, and photos composited from many. */
public final class LabelPictures {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private LabelPictures() {}

    /**
     * A payload in the contract's canonical syntax. The MAC is made up: the scanner cannot check it
     * anyway.
     */
    public static String payload(String tag) {
        Random random = new Random(tag.hashCode());
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            mac.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return "AZ1:K7Q2:" + tag + ":" + mac;
    }

    public static List<String> payloads(int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            payloads.add(payload(String.format("A-2026-%06d", 123 + i)));
        }
        return payloads;
    }

    /**
     * A black-on-white QR code with a four-module quiet zone, {@code moduleSize} pixels per module.
     */
    public static BufferedImage qr(String text, int moduleSize) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter()
                            .encode(
                                    text,
                                    BarcodeFormat.QR_CODE,
                                    0,
                                    0,
                                    Map.of(
                                            EncodeHintType.ERROR_CORRECTION,
                                            ErrorCorrectionLevel.M,
                                            EncodeHintType.MARGIN,
                                            4));
            BufferedImage small = MatrixToImageWriter.toBufferedImage(matrix);
            BufferedImage big =
                    new BufferedImage(
                            small.getWidth() * moduleSize,
                            small.getHeight() * moduleSize,
                            BufferedImage.TYPE_INT_RGB);
            Graphics2D g = big.createGraphics();
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(small, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            return big;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text, e);
        }
    }

    /**
     * Lays the codes out on a grid, each turned by a random angle and scaled by 0.75–1.25, on
     * grey-ish paper, then makes it look photographed: light falling off towards one corner, sensor
     * noise, and a soft focus.
     */
    public static BufferedImage composite(List<String> texts, long seed) {
        return photo(texts.stream().map(text -> qr(text, 5)).toList(), 0.75, 1.25, 300, seed);
    }

    /**
     * The same for whole pictures, e.g. labels as the backend renders them for printing: each
     * turned by a random angle and scaled by {@code minScale}–{@code maxScale}, on a grid of cells
     * large enough for any turn.
     */
    public static BufferedImage photo(
            List<BufferedImage> pictures, double minScale, double maxScale, long seed) {
        double largest =
                pictures.stream()
                        .mapToDouble(p -> Math.hypot(p.getWidth(), p.getHeight()))
                        .max()
                        .orElse(1);
        return photo(
                pictures, minScale, maxScale, (int) Math.ceil(largest * maxScale * 1.05), seed);
    }

    private static BufferedImage photo(
            List<BufferedImage> pictures, double minScale, double maxScale, int cell, long seed) {
        Random random = new Random(seed);
        int columns = (int) Math.ceil(Math.sqrt(pictures.size() * 4 / 3.0));
        int rows = (int) Math.ceil(pictures.size() / (double) columns);
        BufferedImage canvas =
                new BufferedImage(columns * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(225, 222, 215));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage picture = pictures.get(i);
            double scale = minScale + random.nextDouble() * (maxScale - minScale);
            double angle = random.nextDouble() * 2 * Math.PI;
            double cx = (i % columns + 0.5) * cell;
            double cy = (i / columns + 0.5) * cell;
            AffineTransform placement = new AffineTransform();
            placement.translate(cx, cy);
            placement.rotate(angle);
            placement.scale(scale, scale);
            placement.translate(-picture.getWidth() / 2.0, -picture.getHeight() / 2.0);
            g.drawImage(picture, placement, null);
        }
        g.dispose();
        return blurred(photographed(canvas, random), 3);
    }

    private static BufferedImage photographed(BufferedImage image, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        double diagonal = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = 1.0 - 0.45 * Math.hypot(x, y) / diagonal;
                int rgb = image.getRGB(x, y);
                int noise = (int) Math.round(random.nextGaussian() * 12);
                int r = clamp((int) (((rgb >> 16) & 0xFF) * light) + noise);
                int gr = clamp((int) (((rgb >> 8) & 0xFF) * light) + noise);
                int b = clamp((int) ((rgb & 0xFF) * light) + noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static BufferedImage blurred(BufferedImage image, int size) {
        float[] kernel = new float[size * size];
        Arrays.fill(kernel, 1f / kernel.length);
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null)
                .filter(image, null);
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
