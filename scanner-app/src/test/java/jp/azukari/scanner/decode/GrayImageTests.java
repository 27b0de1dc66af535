package jp.azukari.scanner.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import jp.azukari.core.decode.GrayImage;
import jp.azukari.core.image.GrayImages;
import org.junit.jupiter.api.Test;

class GrayImageTests {

    @Test
    void downscalingAveragesEachBlock() {
        GrayImage image =
                GrayImage.of(4, 2, new byte[] {0, (byte) 200, 10, 10, (byte) 100, 100, 30, 30});

        GrayImage half = image.downscaled(2);

        assertThat(half.width()).isEqualTo(2);
        assertThat(half.height()).isEqualTo(1);
        assertThat(luma(half, 0)).isEqualTo(100);
        assertThat(luma(half, 1)).isEqualTo(20);
    }

    @Test
    void upscalingDoublesBothSidesAndKeepsFlatAreasFlat() {
        GrayImage flat = GrayImage.of(3, 3, filled(9, (byte) 77));

        GrayImage doubled = flat.upscaled2x();

        assertThat(doubled.width()).isEqualTo(6);
        assertThat(doubled.height()).isEqualTo(6);
        for (int i = 0; i < 36; i++) {
            assertThat(luma(doubled, i)).isEqualTo(77);
        }
    }

    @Test
    void colourIsWeightedAsTheEyeSeesIt() {
        BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x00FF00);
        rgb.setRGB(2, 0, 0x0000FF);

        GrayImage gray = GrayImages.of(rgb);

        assertThat(luma(gray, 1)).isGreaterThan(luma(gray, 0)).isGreaterThan(luma(gray, 2));
    }

    private static int luma(GrayImage image, int index) {
        return image.luminanceSource().getMatrix()[index] & 0xFF;
    }

    private static byte[] filled(int n, byte value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
