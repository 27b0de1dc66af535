package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.GrayImages;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrDecoderCompositeTests {

    private final QrDecoder decoder = new QrDecoder();

    @Test
    void twentyTurnedScaledAndBlurredLabelsInOnePhotoAreAllRead() {
        List<String> payloads = LabelPictures.payloads(20);
        BufferedImage photo = LabelPictures.composite(payloads, 20261125L);

        List<DecodedCode> codes = decoder.decode(GrayImages.of(photo));

        assertThat(codes)
                .extracting(DecodedCode::text)
                .containsExactlyInAnyOrderElementsOf(payloads);
    }

    /**
     * Photos of two labels in which the first look finds only one: the multi-code detector groups
     * the finder patterns wrongly and the single-code one locks onto one code. The decoder of phase
     * 1 stopped there and read one of two in each of these (and in half of all two-label photos of
     * printed labels in the end-to-end tests' style).
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 31, 45, 49, 52, 54})
    void theSecondLabelOfAPhotoIsReadWhenTheFirstLookFindsOnlyOne(long seed) {
        List<String> payloads = LabelPictures.payloads(2);
        BufferedImage photo =
                LabelPictures.photo(
                        payloads.stream().map(p -> LabelPictures.qr(p, 10)).toList(),
                        0.5,
                        0.8,
                        seed);

        List<DecodedCode> codes = decoder.decode(GrayImages.of(photo));

        assertThat(codes)
                .extracting(DecodedCode::text)
                .containsExactlyInAnyOrderElementsOf(payloads);
    }
}
