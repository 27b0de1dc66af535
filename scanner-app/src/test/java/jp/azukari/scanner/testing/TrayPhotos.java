package jp.azukari.scanner.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Seeded synthetic photographs of trays of our labels: 4 to 12 labels of the real payload format
 * (canonical and URL form, QR at level M with a four-module quiet zone as the backend prints them),
 * some printed light-on-dark, each placed a little askew on a tray, then photographed: a
 * perspective, uneven light with a shadow, a soft focus, sensor noise and JPEG compression. The
 * same seed always gives the same photos.
 */
public final class TrayPhotos {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int WIDTH = 2600;
    private static final int HEIGHT = 1950;

    private TrayPhotos() {}

    /** One printed label in a tray photo. */
    public record TrayLabel(String payload, boolean lightOnDark) {}

    /** A tray photo as a JPEG, and the labels in it. */
    public record Tray(int index, byte[] jpeg, List<TrayLabel> labels) {}

    /**
     * {@code count} trays from {@code seed}; tray {@code i} depends only on the seed and {@code i}.
     */
    public static List<Tray> trays(long seed, int count) {
        List<Tray> trays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trays.add(tray(seed * 1_000_003L + i, i));
        }
        return trays;
    }

    static Tray tray(long seed, int index) {
        Random random = new Random(seed);
        int n = 4 + random.nextInt(9);
        String keyId = randomBase32(random, 4);
        List<TrayLabel> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag =
                    String.format("A-%d-%06d", 2024 + random.nextInt(3), random.nextInt(1_000_000));
            String canonical = "AZ1:" + keyId + ":" + tag + ":" + randomBase32(random, 12);
            String payload =
                    random.nextInt(5) == 0
                            ? "HTTPS://AZUKARI.EXAMPLE.JP/L/" + canonical
                            : canonical;
            labels.add(new TrayLabel(payload, random.nextInt(4) == 0));
        }
        float[] pixels = photographed(laidOut(labels, random), random);
        return new Tray(index, jpeg(pixels, 0.6f + 0.3f * random.nextFloat()), List.copyOf(labels));
    }

    private static String randomBase32(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return out.toString();
    }

    /**
     * The labels on a grey tray, on a grid, each turned by up to ±12° and nudged within its cell.
     */
    private static BufferedImage laidOut(List<TrayLabel> labels, Random random) {
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        int tray = 95 + random.nextInt(60);
        g.setColor(new Color(tray, tray, tray));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int columns = labels.size() <= 4 ? 2 : labels.size() <= 9 ? 3 : 4;
        int rows = (labels.size() + columns - 1) / columns;
        double cellW = WIDTH * 0.9 / columns;
        double cellH = HEIGHT * 0.9 / rows;
        // a 70 × 37 mm label, its QR code 29 mm square
        double labelW = Math.min(cellW * 0.88, cellH * 0.88 * 70 / 37);
        double labelH = labelW * 37 / 70;
        for (int i = 0; i < labels.size(); i++) {
            double cx =
                    WIDTH * 0.05
                            + (i % columns + 0.5) * cellW
                            + (random.nextDouble() - 0.5) * (cellW - labelW) * 0.8;
            double cy =
                    HEIGHT * 0.05
                            + (i / columns + 0.5) * cellH
                            + (random.nextDouble() - 0.5) * Math.max(0, cellH - labelH) * 0.8;
            AffineTransform saved = g.getTransform();
            g.translate(cx, cy);
            g.rotate(Math.toRadians((random.nextDouble() - 0.5) * 24));
            drawLabel(g, labels.get(i), labelW, labelH, random);
            g.setTransform(saved);
        }
        g.dispose();
        return canvas;
    }

    private static void drawLabel(
            Graphics2D g, TrayLabel label, double w, double h, Random random) {
        Color paper = label.lightOnDark() ? new Color(28, 28, 28) : new Color(246, 246, 244);
        Color ink = label.lightOnDark() ? new Color(238, 238, 238) : new Color(20, 20, 20);
        g.setColor(paper);
        g.fill(new java.awt.geom.Rectangle2D.Double(-w / 2, -h / 2, w, h));
        BitMatrix matrix = encode(label.payload());
        double side = h * 29 / 37;
        double module = side / (matrix.getWidth() + 8);
        double left = -w / 2 + h * 4 / 37;
        double top = -side / 2;
        g.setColor(ink);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fill(
                            new java.awt.geom.Rectangle2D.Double(
                                    left + (x + 4) * module,
                                    top + (y + 4) * module,
                                    module + 0.3,
                                    module + 0.3));
                }
            }
        }
        // the printed lines beside the code: tag, title, contract — dark strokes that are not a
        // code
        double textLeft = left + side + h * 3 / 37;
        for (int line = 0; line < 4; line++) {
            double lineTop = -h / 2 + h * (0.18 + line * 0.18);
            double length = (w / 2 - textLeft - h * 0.1) * (0.5 + 0.5 * random.nextDouble());
            for (double x = textLeft; x < textLeft + length; x += h * 0.05) {
                g.fill(
                        new java.awt.geom.Rectangle2D.Double(
                                x, lineTop, h * 0.035, h * (line == 0 ? 0.09 : 0.06)));
            }
        }
    }

    private static BitMatrix encode(String payload) {
        try {
            // margin 0: the quiet zone is drawn as part of the label, as the backend's renderer
            // does
            return new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    0));
        } catch (WriterException e) {
            throw new IllegalArgumentException(payload, e);
        }
    }

    /**
     * The tray seen through a phone: a perspective, light falling off with a shadow, soft focus,
     * sensor noise.
     */
    private static float[] photographed(BufferedImage flat, Random random) {
        byte[] source =
                ((java.awt.image.DataBufferByte) flat.getRaster().getDataBuffer()).getData();
        double[] h = homography(random);
        float[] out = new float[WIDTH * HEIGHT];
        double lightX = random.nextDouble() * WIDTH;
        double lightY = random.nextDouble() * HEIGHT;
        double diagonal = Math.hypot(WIDTH, HEIGHT);
        double falloff = 0.25 + 0.35 * random.nextDouble();
        double shadowAngle = random.nextDouble() * Math.PI * 2;
        double shadowOffset = (random.nextDouble() - 0.5) * diagonal * 0.6;
        double shadowDepth = random.nextInt(3) == 0 ? 0.3 + 0.25 * random.nextDouble() : 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double d = h[6] * x + h[7] * y + 1;
                double sx = (h[0] * x + h[1] * y + h[2]) / d;
                double sy = (h[3] * x + h[4] * y + h[5]) / d;
                double value = sample(source, sx, sy, 60);
                double light = 1 - falloff * Math.hypot(x - lightX, y - lightY) / diagonal;
                double side =
                        (x - WIDTH / 2.0) * Math.cos(shadowAngle)
                                + (y - HEIGHT / 2.0) * Math.sin(shadowAngle)
                                - shadowOffset;
                if (shadowDepth > 0) {
                    light *= 1 - shadowDepth / (1 + Math.exp(-side / 25));
                }
                out[y * WIDTH + x] = (float) (value * light);
            }
        }
        int radius = 1;
        out = boxBlur(boxBlur(out, radius), radius);
        double noise = 3 + 5 * random.nextDouble();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * noise);
        }
        return out;
    }

    /**
     * Maps the photo's corners to a tray whose corners moved by up to 9 % inwards: a phone held at
     * a slant.
     */
    private static double[] homography(Random random) {
        double[][] to = {{0, 0}, {WIDTH, 0}, {WIDTH, HEIGHT}, {0, HEIGHT}};
        double[][] from = new double[4][2];
        for (int i = 0; i < 4; i++) {
            double dx = random.nextDouble() * 0.09 * WIDTH;
            double dy = random.nextDouble() * 0.09 * HEIGHT;
            from[i][0] = to[i][0] + (i == 0 || i == 3 ? -dx : dx);
            from[i][1] = to[i][1] + (i < 2 ? -dy : dy);
        }
        // photo pixel (x, y) shows tray point H·(x, y): solve the 8 unknowns from the four corner
        // pairs
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = to[i][0];
            double y = to[i][1];
            double u = from[i][0];
            double v = from[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        return solve(a);
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = a[i][n] / a[i][i];
        }
        return h;
    }

    private static double sample(byte[] source, double x, double y, double outside) {
        if (x < 0 || y < 0 || x >= WIDTH - 1 || y >= HEIGHT - 1) {
            return outside;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * WIDTH + x0;
        double top = (source[i] & 0xFF) * (1 - fx) + (source[i + 1] & 0xFF) * fx;
        double bottom = (source[i + WIDTH] & 0xFF) * (1 - fx) + (source[i + WIDTH + 1] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static float[] boxBlur(float[] in, int radius) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        int span = 2 * radius + 1;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += in[y * WIDTH + Math.max(0, Math.min(WIDTH - 1, x + k))];
                }
                tmp[y * WIDTH + x] = sum / span;
            }
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += tmp[Math.max(0, Math.min(HEIGHT - 1, y + k)) * WIDTH + x];
                }
                out[y * WIDTH + x] = sum / span;
            }
        }
        return out;
    }

    private static byte[] jpeg(float[] pixels, float quality) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
