package jp.azukari.label;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit greyscale image as PNG with its resolution (pHYs). Most rows of a label repeat
 * the row above (margins, QR modules many pixels tall), so the "up" filter turns them into zeros
 * that a fast deflate level packs almost for free: several times faster than ImageIO's general
 * writer, for files as small.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_UP = 2;
    private static final double INCHES_PER_METRE = 1 / 0.0254;

    private PngEncoder() {}

    static byte[] encode(BufferedImage image, double dpi) {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("only 8-bit greyscale images are encoded here");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            out.write(SIGNATURE);
            chunk(out, "IHDR", header(image.getWidth(), image.getHeight()));
            chunk(out, "pHYs", resolution(dpi));
            chunk(out, "IDAT", pixels(image));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13);
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(width);
        data.writeInt(height);
        data.writeByte(8); // bits per sample
        data.writeByte(0); // greyscale
        data.writeByte(0); // deflate
        data.writeByte(0); // adaptive filtering
        data.writeByte(0); // no interlace
        return bytes.toByteArray();
    }

    private static byte[] resolution(double dpi) throws IOException {
        int perMetre = (int) Math.round(dpi * INCHES_PER_METRE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(9);
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(perMetre);
        data.writeInt(perMetre);
        data.writeByte(1); // unit: metre
        return bytes.toByteArray();
    }

    private static byte[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        // the images encoded here are made by this package: whole rasters, one byte per pixel
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride =
                ((ComponentSampleModel) image.getRaster().getSampleModel()).getScanlineStride();
        byte[] filtered = new byte[(width + 1) * height];
        for (int y = 0; y < height; y++) {
            int out = y * (width + 1);
            int start = y * stride;
            filtered[out] = FILTER_UP;
            if (y == 0) {
                System.arraycopy(raster, start, filtered, out + 1, width);
            } else if (!Arrays.equals(
                    raster, start, start + width, raster, start - stride, start - stride + width)) {
                for (int x = 0; x < width; x++) {
                    filtered[out + 1 + x] = (byte) (raster[start + x] - raster[start - stride + x]);
                }
            }
            // a row the same as the one above (most rows of a label) stays all zeros
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(filtered);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(filtered.length / 16);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
            throws IOException {
        DataOutputStream stream = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        stream.writeInt(data.length);
        stream.write(name);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }
}
