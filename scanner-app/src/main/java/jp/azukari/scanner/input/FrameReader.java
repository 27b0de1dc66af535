package jp.azukari.scanner.input;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a camera's byte stream into whole pictures: concatenated JPEG (MJPEG, with or without
 * multipart headers in between) or concatenated PNG. A JPEG is walked segment by segment, so an
 * FFD9 inside an embedded EXIF thumbnail does not end the frame early; a PNG is walked chunk by
 * chunk up to IEND. Bytes between pictures are skipped.
 */
public final class FrameReader {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private ByteArrayOutputStream frame;

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next complete picture, or null at the end of the stream (a picture cut off by the end is
     * dropped).
     */
    public byte[] next() throws IOException {
        try {
            while (true) {
                try {
                    return nextPicture();
                } catch (CorruptFrame damaged) {
                    // Resynchronise on the next start-of-picture marker.
                }
            }
        } catch (EOFException end) {
            return null;
        }
    }

    private byte[] nextPicture() throws IOException {
        int previous = -1;
        for (int b = read(); ; b = read()) {
            if (previous == 0xFF && b == SOI) {
                return jpeg();
            }
            if (previous == (PNG_SIGNATURE[0] & 0xFF) && b == PNG_SIGNATURE[1]) {
                byte[] png = png();
                if (png != null) {
                    return png;
                }
            }
            previous = b;
        }
    }

    private byte[] jpeg() throws IOException {
        frame = new ByteArrayOutputStream(256 * 1024);
        append(0xFF);
        append(SOI);
        int marker = nextMarker();
        while (true) {
            append(0xFF);
            append(marker);
            if (marker == EOI) {
                return frame.toByteArray();
            }
            if (marker == SOI) {
                // A new picture began before this one ended: the last one was cut off, keep the new
                // one.
                frame = new ByteArrayOutputStream(256 * 1024);
                append(0xFF);
                append(SOI);
                marker = nextMarker();
                continue;
            }
            if (hasNoLength(marker)) {
                marker = nextMarker();
                continue;
            }
            int length = copyLength();
            copy(length - 2);
            marker = marker == SOS ? afterEntropyCodedData() : nextMarker();
        }
    }

    /** Reads 0xFF (and any fill bytes) and returns the marker code that follows. */
    private int nextMarker() throws IOException {
        int b = read();
        if (b != 0xFF) {
            throw new CorruptFrame();
        }
        do {
            b = read();
        } while (b == 0xFF);
        return b;
    }

    /**
     * Copies scan data up to the next real marker: FF00 is a stuffed byte and FFD0–FFD7 are restart
     * markers.
     */
    private int afterEntropyCodedData() throws IOException {
        while (true) {
            copyUntilFF();
            read();
            int next = read();
            while (next == 0xFF) {
                next = read();
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                append(0xFF);
                append(next);
            } else {
                return next;
            }
        }
    }

    /** Bulk-copies bytes up to (not including) the next 0xFF; scan data is most of a JPEG. */
    private void copyUntilFF() throws IOException {
        while (true) {
            if (position == limit) {
                fill();
            }
            int start = position;
            while (position < limit && buffer[position] != (byte) 0xFF) {
                position++;
            }
            appendBuffer(start, position - start);
            if (position < limit) {
                return;
            }
        }
    }

    private static boolean hasNoLength(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    private int copyLength() throws IOException {
        int high = read();
        int low = read();
        append(high);
        append(low);
        int length = (high << 8) | low;
        if (length < 2) {
            throw new CorruptFrame();
        }
        return length;
    }

    private byte[] png() throws IOException {
        for (int i = 2; i < PNG_SIGNATURE.length; i++) {
            if (read() != (PNG_SIGNATURE[i] & 0xFF)) {
                return null;
            }
        }
        frame = new ByteArrayOutputStream(256 * 1024);
        frame.write(PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        while (true) {
            long length = 0;
            for (int i = 0; i < 4; i++) {
                int b = read();
                append(b);
                length = (length << 8) | b;
            }
            StringBuilder type = new StringBuilder(4);
            for (int i = 0; i < 4; i++) {
                int b = read();
                append(b);
                type.append((char) b);
            }
            if (length > maxFrameBytes) {
                throw new FrameTooLarge(maxFrameBytes);
            }
            copy(length + 4);
            if (type.toString().equals("IEND")) {
                return frame.toByteArray();
            }
        }
    }

    private void copy(long count) throws IOException {
        while (count > 0) {
            if (position == limit) {
                fill();
            }
            int n = (int) Math.min(count, limit - position);
            appendBuffer(position, n);
            position += n;
            count -= n;
        }
    }

    private void append(int b) {
        if (frame.size() >= maxFrameBytes) {
            throw new FrameTooLarge(maxFrameBytes);
        }
        frame.write(b);
    }

    private void appendBuffer(int from, int count) {
        if (frame.size() + (long) count > maxFrameBytes) {
            throw new FrameTooLarge(maxFrameBytes);
        }
        frame.write(buffer, from, count);
    }

    private int read() throws IOException {
        if (position == limit) {
            fill();
        }
        return buffer[position++] & 0xFF;
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            throw new EOFException();
        }
        position = 0;
        limit = n;
    }

    /** A picture larger than the limit: the stream is not what a camera command should produce. */
    public static final class FrameTooLarge extends RuntimeException {

        FrameTooLarge(int limit) {
            super("a frame is larger than " + limit + " bytes");
        }
    }

    /** A JPEG whose structure broke off; the reader resynchronises on the next picture. */
    static final class CorruptFrame extends IOException {

        CorruptFrame() {
            super("damaged JPEG frame");
        }
    }
}
