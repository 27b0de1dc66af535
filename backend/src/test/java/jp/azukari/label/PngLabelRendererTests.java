package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class PngLabelRendererTests {

    private final PngLabelRenderer renderer = new PngLabelRenderer();

    @Test
    void aLabelAt300DpiHasTheLabelsSizeInPixelsAndRecordsItsResolution() throws IOException {
        byte[] png = renderer.png(LabelFixtures.label(0), LabelSize.TAPE_62X29, 300);

        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(732);
            assertThat(reader.getHeight(0)).isEqualTo(343);
            IIOMetadataNode root =
                    (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        }
    }

    @Test
    void theEncodedPngHoldsExactlyTheRenderedPixels() throws IOException {
        BufferedImage image = renderer.image(LabelFixtures.label(1), LabelSize.SHEET_70X37, 203);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image, 203)));

        assertThat(read.getWidth()).isEqualTo(image.getWidth());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(read.getRaster().getSample(x, y, 0))
                        .isEqualTo(image.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void theQrCodeIsDrawnInWholePixelsPureBlackOrWhite() {
        BufferedImage image = renderer.image(LabelFixtures.label(0), LabelSize.TAPE_62X29, 203);
        int qrSide = (int) Math.floor((29 - 2 * 1.5) * 203 / 25.4);
        int left = (int) Math.floor(1.5 * 203 / 25.4);

        for (int y = left; y < left + qrSide; y++) {
            for (int x = left; x < left + qrSide; x++) {
                assertThat(image.getRaster().getSample(x, y, 0)).isIn(0, 255);
            }
        }
    }

    @Test
    void aResolutionTooLowForWholePixelModulesIsRefused() {
        String longest =
                "HTTPS://"
                        + "A".repeat(127)
                        + "/L/"
                        + LabelFixtures.CODEC.encode("M" + "0".repeat(39));
        LabelContent label = new LabelContent(longest, "M" + "0".repeat(39), "", "", "");

        assertThatThrownBy(() -> renderer.imageOfWidth(label, LabelSize.TAPE_62X29, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few pixels");
    }
}
