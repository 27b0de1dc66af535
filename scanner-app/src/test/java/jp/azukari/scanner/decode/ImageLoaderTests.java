package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.GrayImages;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.LoadedImage;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.core.image.UnreadableImage;
import jp.azukari.scanner.testing.HugePng;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLoaderTests {

    private static final String PAYLOAD = LabelPictures.payload("A-2026-000777");

    @TempDir Path folder;

    private final ImageLoader loader = new ImageLoader();

    @Test
    void aHundredMegapixelPhotoIsReadSubsampledAndItsLabelStillDecodes() throws Exception {
        Path huge = folder.resolve("huge.png");
        HugePng.write(huge, 10_000, 10_000, LabelPictures.qr(PAYLOAD, 1), 6_000, 7_000, 24);

        LoadedImage loaded = loader.load(huge);

        assertThat(loaded.width()).isEqualTo(10_000);
        assertThat(loaded.height()).isEqualTo(10_000);
        assertThat(loaded.subsampling()).isEqualTo(3);
        assertThat((long) loaded.image().getWidth() * loaded.image().getHeight())
                .isLessThanOrEqualTo(ImageLoader.DEFAULT_MAX_PIXELS);
        assertThat(new QrDecoder().decode(GrayImages.of(loaded.image())))
                .extracting(DecodedCode::text)
                .containsExactly(PAYLOAD);
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.png"));

        assertThatThrownBy(() -> loader.load(empty))
                .isInstanceOfSatisfying(
                        UnreadableImage.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableImage.Reason.EMPTY_FILE));
    }

    @Test
    void aTextFileIsNotAnImage() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.png"), "this is not a picture");

        assertThatThrownBy(() -> loader.load(text))
                .isInstanceOfSatisfying(
                        UnreadableImage.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableImage.Reason.NOT_AN_IMAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "gif", "bmp"})
    void aPictureCutOffHalfwayIsReportedAsDamagedNotAsHavingNoCode(String format)
            throws IOException {
        byte[] whole = LabelPictures.encode(withNoise(LabelPictures.qr(PAYLOAD, 8)), format);
        Path cut =
                Files.write(
                        folder.resolve("cut." + format), Arrays.copyOf(whole, whole.length / 3));
        PhotoDecoder decoder = new PhotoDecoder(loader, new QrDecoder());

        assertThatThrownBy(() -> decoder.decode(cut))
                .isInstanceOfSatisfying(
                        UnreadableImage.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableImage.Reason.CORRUPT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "gif", "bmp"})
    void everySupportedFormatIsReadAndDecoded(String format) throws Exception {
        Path file =
                Files.write(
                        folder.resolve("label." + format),
                        LabelPictures.encode(LabelPictures.qr(PAYLOAD, 6), format));

        PhotoDecoder decoder = new PhotoDecoder(loader, new QrDecoder());

        assertThat(decoder.decode(file)).extracting(DecodedCode::text).containsExactly(PAYLOAD);
    }

    @Test
    void aMissingFileIsReportedAsMissing() {
        assertThatThrownBy(() -> loader.load(folder.resolve("nowhere.png")))
                .isInstanceOfSatisfying(
                        UnreadableImage.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableImage.Reason.NOT_FOUND));
    }

    @Test
    void subsamplingIsTheSmallestFactorThatFitsTheLimit() {
        ImageLoader small = new ImageLoader(1_000_000);

        assertThat(small.subsamplingFor(1000, 1000)).isEqualTo(1);
        assertThat(small.subsamplingFor(1001, 1000)).isEqualTo(2);
        assertThat(small.subsamplingFor(100_000, 100_000)).isEqualTo(100);
    }

    /**
     * Noise keeps the encoders from compressing the picture into a few bytes, so a third of it
     * really is a third.
     */
    private static BufferedImage withNoise(BufferedImage image) {
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v =
                        (image.getRGB(x, y) & 0xFF) == 0
                                ? random.nextInt(60)
                                : 195 + random.nextInt(60);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return image;
    }
}
