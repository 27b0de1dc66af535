package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import jp.azukari.core.decode.DecodedCode;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.GrayImages;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;

class QrDecoderTests {

    private static final String PAYLOAD = LabelPictures.payload("A-2026-000123");

    private final QrDecoder decoder = new QrDecoder();

    @Test
    void aWhiteOnBlackLabelIsRead() {
        BufferedImage label = LabelPictures.qr(PAYLOAD, 4);
        BufferedImage inverted =
                new BufferedImage(label.getWidth(), label.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < label.getHeight(); y++) {
            for (int x = 0; x < label.getWidth(); x++) {
                inverted.setRGB(x, y, ~label.getRGB(x, y) & 0xFFFFFF);
            }
        }

        assertThat(texts(inverted)).containsExactly(PAYLOAD);
    }

    @Test
    void aSmallLabelInAMultiMegapixelPhotoIsFound() {
        BufferedImage photo = new BufferedImage(4032, 3024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(200, 198, 190));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.drawImage(LabelPictures.qr(PAYLOAD, 12), 2900, 2100, null);
        g.dispose();

        assertThat(texts(photo)).containsExactly(PAYLOAD);
    }

    @Test
    void aPictureWithoutACodeYieldsNothing() {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);

        assertThat(decoder.decode(GrayImages.of(blank))).isEmpty();
    }

    @Test
    void transparentPixelsCountAsPaperNotAsInk() {
        BufferedImage label = LabelPictures.qr(PAYLOAD, 4);
        BufferedImage transparent =
                new BufferedImage(label.getWidth(), label.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < label.getHeight(); y++) {
            for (int x = 0; x < label.getWidth(); x++) {
                boolean ink = (label.getRGB(x, y) & 0xFF) < 128;
                transparent.setRGB(x, y, ink ? 0xFF000000 : 0x00000000);
            }
        }

        assertThat(texts(transparent)).containsExactly(PAYLOAD);
    }

    @Test
    void codesAreListedTopToBottom() {
        BufferedImage sheet = new BufferedImage(400, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        List<String> payloads = LabelPictures.payloads(3);
        for (int i = 0; i < payloads.size(); i++) {
            g.drawImage(LabelPictures.qr(payloads.get(i), 6), 100, 20 + i * 300, null);
        }
        g.dispose();

        assertThat(texts(sheet)).containsExactlyElementsOf(payloads);
    }

    private List<String> texts(BufferedImage image) {
        return decoder.decode(GrayImages.of(image)).stream().map(DecodedCode::text).toList();
    }
}
