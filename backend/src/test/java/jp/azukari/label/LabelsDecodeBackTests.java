package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form a label is rendered in decodes back to its exact payload: 100 assets, each form. */
class LabelsDecodeBackTests {

    private static final int ASSETS = 100;
    private static final List<LabelContent> LABELS = LabelFixtures.labels(ASSETS);

    @ParameterizedTest(name = "PNG at {0} dpi")
    @ValueSource(ints = {150, 203, 300})
    void everyPngLabelDecodesToItsPayload(int dpi) throws IOException {
        PngLabelRenderer renderer = new PngLabelRenderer();
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            LabelSize size = i % 2 == 0 ? LabelSize.TAPE_62X29 : LabelSize.SHEET_70X37;
            byte[] png = renderer.png(LABELS.get(i), size, dpi);
            decoded.add(QrDecoding.decode(ImageIO.read(new ByteArrayInputStream(png))));
        }
        assertThat(decoded).containsExactlyElementsOf(payloads());
    }

    @Test
    void pngLabelsRenderedToAPixelWidthDecodeToo() {
        PngLabelRenderer renderer = new PngLabelRenderer();
        for (int width : new int[] {400, 555, 1000}) {
            for (LabelContent label : LABELS.subList(0, 10)) {
                assertThat(
                                QrDecoding.decode(
                                        renderer.imageOfWidth(label, LabelSize.TAPE_62X29, width)))
                        .isEqualTo(label.payload());
            }
        }
    }

    @Test
    @DisplayName("every SVG label, rasterised by Batik, decodes to its payload")
    void everySvgLabelDecodesToItsPayload() throws TranscoderException {
        SvgLabelRenderer renderer = new SvgLabelRenderer();
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < ASSETS; i++) {
            LabelSize size = i % 2 == 0 ? LabelSize.TAPE_62X29 : LabelSize.SHEET_70X37;
            // about 200 dpi: antialiased, modules not pixel-aligned, as a browser or printer driver
            // would draw it
            decoded.add(
                    QrDecoding.decode(
                            rasterise(
                                    renderer.svg(LABELS.get(i), size),
                                    (float) (size.widthMm() * 8))));
        }
        assertThat(decoded).containsExactlyElementsOf(payloads());
    }

    @Test
    @DisplayName(
            "an A4 sheet PDF of 100 labels, rasterised at 300 dpi, yields all 100 payloads cell by cell")
    void everyLabelOnA4SheetsDecodesToItsPayload() throws IOException {
        SheetLayout sheet = SheetLayout.A4_24_70X37;
        byte[] pdf = new PdfLabelRenderer().sheets(LABELS, sheet);
        List<String> decoded = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(5);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 300, ImageType.GRAY);
                int onPage = Math.min(sheet.labelsPerPage(), ASSETS - page * sheet.labelsPerPage());
                for (int i = 0; i < onPage; i++) {
                    Rectangle cell = pixels(sheet.labelX(i), sheet.labelY(i), sheet.label(), 300);
                    decoded.add(
                            QrDecoding.decode(
                                    image.getSubimage(
                                            cell.x,
                                            cell.y,
                                            Math.min(cell.width, image.getWidth() - cell.x),
                                            Math.min(cell.height, image.getHeight() - cell.y))));
                }
            }
        }
        assertThat(decoded).containsExactlyElementsOf(payloads());
    }

    @Test
    @DisplayName(
            "a tape-printer PDF of 100 labels, one per page, rasterised at 300 dpi, yields all 100 payloads")
    void everyLabelOnTapePagesDecodesToItsPayload() throws IOException {
        byte[] pdf = new PdfLabelRenderer().singles(LABELS, LabelSize.TAPE_62X29);
        List<String> decoded = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(ASSETS);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < ASSETS; page++) {
                decoded.add(
                        QrDecoding.decode(renderer.renderImageWithDPI(page, 300, ImageType.GRAY)));
            }
        }
        assertThat(decoded).containsExactlyElementsOf(payloads());
    }

    private static List<String> payloads() {
        return LABELS.stream().map(LabelContent::payload).toList();
    }

    private static Rectangle pixels(double xMm, double yMm, LabelSize size, int dpi) {
        double scale = dpi / 25.4;
        return new Rectangle(
                (int) Math.floor(xMm * scale),
                (int) Math.floor(yMm * scale),
                (int) Math.ceil(size.widthMm() * scale),
                (int) Math.ceil(size.heightMm() * scale));
    }

    static BufferedImage rasterise(String svg, float widthPx) throws TranscoderException {
        CapturingTranscoder transcoder = new CapturingTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, widthPx);
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        transcoder.transcode(new TranscoderInput(new StringReader(svg)), null);
        return transcoder.image;
    }

    /** Batik's image transcoder, keeping the picture instead of writing a file. */
    private static final class CapturingTranscoder extends ImageTranscoder {
        private BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage image, TranscoderOutput output) {
            this.image = image;
        }
    }
}
