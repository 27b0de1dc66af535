package jp.azukari.scanner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.GrayImage;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.GrayImages;
import jp.azukari.scanner.testing.Images;
import jp.azukari.scanner.testing.PhotoSet;
import jp.azukari.scanner.testing.TrayPhotos;
import org.junit.jupiter.api.Test;

/**
 * The decode benchmark (scanner-app/README.md): the ZXing photos of {@code
 * shared/testdata/qr-photos} at four rotations and the generated tray photos, each decoded by our
 * decoder and by a plain zxing {@code QRCodeMultiReader} (hybrid binarizer, TRY_HARDER) on the same
 * luminance; prints reads, misreads and the median time per photo of both. {@code
 * -Dbench.quick=true}: 0° only and 4 trays, well under a minute, same figures and checks. Not a
 * test run by {@code verify} (the name does not end in Test); run it with {@code
 * -Dtest=DecodeBenchmark}.
 */
class DecodeBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int TRAYS = Integer.getInteger("bench.trays", QUICK ? 4 : 40);
    private static final int[] ROTATIONS = QUICK ? new int[] {0} : PhotoSet.ROTATIONS;

    private final QrDecoder ours = new QrDecoder();

    @Test
    void decodeBenchmark() {
        warmUp();
        System.out.printf(
                "decode benchmark%s: real photos at %s°, %d tray photos (seed 2026)%n",
                QUICK ? " (quick)" : "", Arrays.toString(ROTATIONS), TRAYS);
        Real real =
                realPhotos(image -> ours.decode(image).stream().map(DecodedCode::text).toList());
        Real zxingReal = realPhotos(DecodeBenchmark::zxing);
        System.out.printf(
                "real photos   ours:  %d read of %d decodes (thresholds sum to %d), %d misreads, median %.1f ms%n",
                real.read, real.decodes, real.threshold, real.misreads, real.median);
        System.out.printf(
                "real photos   zxing: %d read of %d decodes, %d misreads, median %.1f ms%n",
                zxingReal.read, zxingReal.decodes, zxingReal.misreads, zxingReal.median);

        List<TrayPhotos.Tray> trays = TrayPhotos.trays(2026, TRAYS);
        TrayScore tray =
                TrayScore.of(
                        trays,
                        jpeg -> ours.decode(gray(jpeg)).stream().map(DecodedCode::text).toList());
        TrayScore zxingTray = TrayScore.of(trays, jpeg -> zxing(gray(jpeg)));
        System.out.println("tray photos   ours:  " + tray.summary());
        System.out.println("tray photos   zxing: " + zxingTray.summary());
        tray.missed().forEach(missed -> System.out.println("  missed " + missed));

        assertThat(real.misreads).as("misreads in the real photos").isZero();
        assertThat(real.read).as("real photos read").isGreaterThanOrEqualTo(real.threshold);
        if (!QUICK) {
            assertThat(real.read)
                    .as("real photos read at four rotations")
                    .isGreaterThanOrEqualTo(668);
        }
        assertThat(tray.misreads()).as("misreads in the tray photos").isZero();
        // the tests hold the decoder to 98 % on their 8 trays; over other trays the benchmark fails
        // below 96 %
        assertThat(tray.foundShare()).as("share of tray labels found").isGreaterThanOrEqualTo(0.96);
    }

    private record Real(int read, int decodes, int threshold, int misreads, double median) {}

    private static Real realPhotos(Function<GrayImage, List<String>> decoder) {
        List<Double> millis = new ArrayList<>();
        int read = 0;
        int threshold = 0;
        int misreads = 0;
        for (PhotoSet set : PhotoSet.values()) {
            List<PhotoSet.Photo> photos = set.photos();
            for (int rotation : ROTATIONS) {
                threshold += set.threshold(rotation);
                for (PhotoSet.Photo photo : photos) {
                    BufferedImage image = Images.rotated(Images.read(photo.file()), rotation);
                    long start = System.nanoTime();
                    List<String> texts = decoder.apply(GrayImages.of(image));
                    millis.add((System.nanoTime() - start) / 1e6);
                    for (String text : texts) {
                        if (text.equals(photo.expectedText())) {
                            read++;
                        } else {
                            misreads++;
                            System.out.printf(
                                    "  misread %s @%d: %s%n", photo.file(), rotation, text);
                        }
                    }
                }
            }
        }
        Collections.sort(millis);
        return new Real(
                read, millis.size(), threshold, misreads, millis.get((millis.size() - 1) / 2));
    }

    /** Plain zxing: one QRCodeMultiReader over the hybrid binarizer, TRY_HARDER, nothing else. */
    static List<String> zxing(GrayImage image) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(image.luminanceSource()));
            Result[] results =
                    new QRCodeMultiReader()
                            .decodeMultiple(
                                    bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(results).map(Result::getText).toList();
        } catch (NotFoundException nothing) {
            return List.of();
        }
    }

    static GrayImage gray(byte[] jpeg) {
        try {
            return GrayImages.of(ImageIO.read(new ByteArrayInputStream(jpeg)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void warmUp() {
        for (PhotoSet.Photo photo : PhotoSet.QRCODE_1.photos()) {
            ours.decode(GrayImages.of(Images.read(photo.file())));
        }
    }
}
