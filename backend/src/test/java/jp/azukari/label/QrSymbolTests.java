package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import jp.azukari.core.label.LabelPayloadSyntax;
import org.junit.jupiter.api.Test;

class QrSymbolTests {

    @Test
    void aLabelWithA13CharacterTagIsAVersion2CodeInAlphanumericMode() {
        String payload = LabelFixtures.CODEC.encode("A-2026-000123");

        QrSymbol symbol = QrSymbol.encode(payload);

        assertThat(payload).hasSize(4 + 4 + 1 + 13 + 1 + 12);
        assertThat(symbol.version()).isEqualTo(2);
        assertThat(symbol.mode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(symbol.modules()).isEqualTo(25 + 2 * QrSymbol.QUIET_ZONE);
    }

    @Test
    void theUrlFormOfA13CharacterTagStaysAtVersion4OrBelow() {
        QrSymbol symbol = QrSymbol.encode(LabelFixtures.URL_CODEC.labelPayload("A-2026-000123"));

        assertThat(symbol.version()).isLessThanOrEqualTo(4);
        assertThat(symbol.mode()).isEqualTo(Mode.ALPHANUMERIC);
    }

    @Test
    void theLongestPayloadStillMakesASmallCode() {
        String longest =
                "HTTPS://"
                        + "A".repeat(200 - 8 - 3 - 62)
                        + "/L/"
                        + LabelFixtures.CODEC.encode("M" + "0".repeat(39));

        assertThat(longest).hasSize(LabelPayloadSyntax.MAX_LENGTH);
        assertThat(QrSymbol.encode(longest).version()).isLessThanOrEqualTo(8);
    }

    @Test
    void aSymbolZxingMisreadsWithThePreferredMaskIsEncodedWithAnotherMaskThatReads()
            throws Exception {
        // zxing's own detector misreads this payload's preferred-mask symbol at 4 px per module and
        // above
        String payload = "AZ1:K7Q2:HDD-76-X/L/Y:DGZA3PS6EXC6";
        int preferredMask =
                Encoder.encode(
                                payload,
                                ErrorCorrectionLevel.M,
                                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M))
                        .getMaskPattern();

        QrSymbol symbol = QrSymbol.encode(payload);

        assertThat(symbol.mask()).isNotEqualTo(preferredMask);
        for (int pixels = 2; pixels <= 14; pixels++) {
            assertThat(QrDecoding.decode(draw(symbol, pixels)))
                    .as("%d px per module", pixels)
                    .isEqualTo(payload);
        }
    }

    @Test
    void darkRunsCoverExactlyTheDarkModulesAndTheQuietZoneIsBlank() {
        QrSymbol symbol = QrSymbol.encode(LabelFixtures.CODEC.encode("B.7/12-X"));
        boolean[][] painted = new boolean[symbol.modules()][symbol.modules()];
        for (QrSymbol.Run run : symbol.darkRuns()) {
            for (int x = run.column(); x < run.column() + run.length(); x++) {
                painted[run.row()][x] = true;
            }
        }
        for (int y = 0; y < symbol.modules(); y++) {
            for (int x = 0; x < symbol.modules(); x++) {
                assertThat(painted[y][x]).isEqualTo(symbol.isDark(x, y));
                boolean inQuietZone =
                        Math.min(Math.min(x, y), symbol.modules() - 1 - Math.max(x, y))
                                < QrSymbol.QUIET_ZONE;
                if (inQuietZone) {
                    assertThat(symbol.isDark(x, y)).isFalse();
                }
            }
        }
    }

    @Test
    void aPayloadOutsideTheAlphanumericSetIsRefused() {
        assertThatThrownBy(() -> QrSymbol.encode("az1:k7q2:a-1:abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage draw(QrSymbol symbol, int pixels) {
        int size = symbol.modules() * pixels;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        for (QrSymbol.Run run : symbol.darkRuns()) {
            g.fillRect(run.column() * pixels, run.row() * pixels, run.length() * pixels, pixels);
        }
        g.dispose();
        return image;
    }
}
