package jp.azukari.scanner.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a very large 8-bit grey PNG row by row, so a test can make a 100-megapixel photo without
 * holding it: white paper with one picture stamped on it, each of its pixels blown up to {@code
 * scale} × {@code scale}.
 */
public final class HugePng {

    private HugePng() {}

    public static void write(
            Path file, int width, int height, BufferedImage stamp, int left, int top, int scale) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, no interlace
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", pixels(width, height, stamp, left, top, scale));
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pixels(
            int width, int height, BufferedImage stamp, int left, int top, int scale)
            throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate =
                new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                Arrays.fill(row, (byte) 0xFF);
                row[0] = 0; // filter: none
                int sy = (y - top) / scale;
                if (y >= top && sy < stamp.getHeight()) {
                    for (int sx = 0; sx < stamp.getWidth(); sx++) {
                        byte value = (byte) (stamp.getRGB(sx, sy) & 0xFF);
                        int from = 1 + left + sx * scale;
                        Arrays.fill(row, from, Math.min(from + scale, row.length), value);
                    }
                }
                deflate.write(row);
            }
        }
        return compressed.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
