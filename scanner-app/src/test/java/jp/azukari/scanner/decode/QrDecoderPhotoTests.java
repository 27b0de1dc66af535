package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.GrayImages;
import jp.azukari.scanner.testing.Images;
import jp.azukari.scanner.testing.PhotoSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 1: the ZXing photo sets, each at four rotations, read at least as well as ZXing's own
 * thresholds.
 */
class QrDecoderPhotoTests {

    /**
     * What the decoder read over all sets and rotations before the tray work (issue 15): it must
     * not fall below.
     */
    private static final int READ_BEFORE = 668;

    private static final AtomicInteger READ = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    private final QrDecoder decoder = new QrDecoder();

    @AfterAll
    static void allSetsAtAllRotationsReadAtLeastAsManyAsBefore() {
        if (CASES.get() == PhotoSet.values().length * PhotoSet.ROTATIONS.length) {
            System.out.println("real photos read over all sets and rotations: " + READ.get());
            assertThat(READ.get())
                    .as("photos read over all sets and rotations")
                    .isGreaterThanOrEqualTo(READ_BEFORE);
        }
    }

    static Stream<Arguments> setsAndRotations() {
        return Arrays.stream(PhotoSet.values())
                .flatMap(
                        set ->
                                Arrays.stream(PhotoSet.ROTATIONS)
                                        .mapToObj(rotation -> Arguments.of(set, rotation)));
    }

    @ParameterizedTest(name = "{0} turned {1}°")
    @MethodSource("setsAndRotations")
    void photosAreReadAtLeastAsOftenAsZxingRequiresAndNeverMisread(PhotoSet set, int rotation) {
        int read = 0;
        List<String> misreads = new ArrayList<>();
        for (PhotoSet.Photo photo : set.photos()) {
            List<DecodedCode> codes =
                    decoder.decode(
                            GrayImages.of(Images.rotated(Images.read(photo.file()), rotation)));
            for (DecodedCode code : codes) {
                if (code.text().equals(photo.expectedText())) {
                    read++;
                } else {
                    misreads.add(photo.file().getFileName() + " read as \"" + code.text() + "\"");
                }
            }
        }

        READ.addAndGet(read);
        CASES.incrementAndGet();
        assertThat(misreads).as("misreads in %s at %d°", set.folder(), rotation).isEmpty();
        assertThat(read)
                .as("photos of %s read at %d°", set.folder(), rotation)
                .isGreaterThanOrEqualTo(set.threshold(rotation));
    }
}
