package jp.azukari.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;

class FrameReaderTests {

    private static final byte[] JPEG_A = LabelPictures.encode(LabelPictures.qr("A", 3), "jpg");
    private static final byte[] JPEG_B = LabelPictures.encode(LabelPictures.qr("B", 4), "jpg");
    private static final byte[] PNG_A = LabelPictures.encode(LabelPictures.qr("A", 3), "png");
    private static final byte[] PNG_B = LabelPictures.encode(LabelPictures.qr("B", 4), "png");

    @Test
    void concatenatedJpegsComeOutWholeAndInOrder() throws IOException {
        assertThat(frames(concat(JPEG_A, JPEG_B, JPEG_A))).containsExactly(JPEG_A, JPEG_B, JPEG_A);
    }

    @Test
    void concatenatedPngsComeOutWholeAndInOrder() throws IOException {
        assertThat(frames(concat(PNG_A, PNG_B))).containsExactly(PNG_A, PNG_B);
    }

    @Test
    void multipartHeadersBetweenFramesAreSkipped() throws IOException {
        byte[] header =
                "--ffmpeg\r\nContent-Type: image/jpeg\r\nContent-Length: 1234\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] stream =
                concat(header, JPEG_A, "\r\n".getBytes(StandardCharsets.US_ASCII), header, JPEG_B);

        assertThat(frames(stream)).containsExactly(JPEG_A, JPEG_B);
    }

    @Test
    void anEmbeddedThumbnailsEndMarkerDoesNotEndTheFrame() throws IOException {
        byte[] thumbnail = JPEG_B;
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), thumbnail);
        int length = exif.length + 2;
        byte[] withThumbnail =
                concat(
                        Arrays.copyOf(JPEG_A, 2),
                        new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length},
                        exif,
                        Arrays.copyOfRange(JPEG_A, 2, JPEG_A.length));

        assertThat(frames(concat(withThumbnail, JPEG_B))).containsExactly(withThumbnail, JPEG_B);
    }

    @Test
    void aFrameCutOffByTheEndOfTheStreamIsDropped() throws IOException {
        byte[] stream = concat(JPEG_A, Arrays.copyOf(JPEG_B, JPEG_B.length / 2));

        assertThat(frames(stream)).containsExactly(JPEG_A);
    }

    @Test
    void jpegAndPngMayFollowEachOther() throws IOException {
        assertThat(frames(concat(JPEG_A, PNG_B, JPEG_B))).containsExactly(JPEG_A, PNG_B, JPEG_B);
    }

    @Test
    void aFrameLargerThanTheLimitStopsTheStream() {
        FrameReader reader =
                new FrameReader(
                        new ByteArrayInputStream(concat(JPEG_A, JPEG_B)), JPEG_A.length - 1);

        assertThatThrownBy(reader::next).isInstanceOf(FrameReader.FrameTooLarge.class);
    }

    private static List<byte[]> frames(byte[] stream) throws IOException {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream), 1 << 20);
        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(frame);
        }
        return frames;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
