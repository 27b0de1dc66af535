package jp.azukari.scanner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.scanner.testing.TrayPhotos;
import org.junit.jupiter.api.Test;

/**
 * Every label in a tray photo: a small seeded corpus of generated tray photos (TrayPhotos),
 * light-on-dark included.
 */
class TrayPhotoDecodingTests {

    /**
     * Issue 15: at least 98 % of the labels on the trays found, light-on-dark ones included, and no
     * misread.
     */
    static final double FLOOR = 0.98;

    @Test
    void labelsOnTraysAreFoundAndNeverMisread() {
        List<TrayPhotos.Tray> trays = TrayPhotos.trays(2026, 8);
        QrDecoder decoder = new QrDecoder();

        TrayScore score =
                TrayScore.of(
                        trays,
                        jpeg ->
                                decoder.decode(DecodeBenchmark.gray(jpeg)).stream()
                                        .map(DecodedCode::text)
                                        .toList());

        System.out.println("tray photos: " + score.summary());
        assertThat(score.labels()).isGreaterThan(45);
        assertThat(score.lightOnDark()).isPositive();
        assertThat(score.misreads()).as("misreads").isZero();
        assertThat(score.foundShare())
                .as("share found; missed: %s", score.missed())
                .isGreaterThanOrEqualTo(FLOOR);
        assertThat(score.lightOnDarkFound())
                .as("light-on-dark labels found")
                .isGreaterThanOrEqualTo((int) Math.ceil(score.lightOnDark() * 0.85));
    }
}
