package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;

class QrDecoderCompositeTest {

    private final QrDecoder decoder = new QrDecoder();

    @Test
    void twentyTurnedScaledAndBlurredLabelsInOnePhotoAreAllRead() {
        List<String> payloads = LabelPictures.payloads(20);
        BufferedImage photo = LabelPictures.composite(payloads, 20261125L);

        List<DecodedCode> codes = decoder.decode(GrayImage.of(photo));

        assertThat(codes).extracting(DecodedCode::text).containsExactlyInAnyOrderElementsOf(payloads);
    }
}
