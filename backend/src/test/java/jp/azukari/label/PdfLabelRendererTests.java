package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PdfLabelRendererTests {

    private static final SheetLayout SHEET = SheetLayout.A4_24_70X37;
    private static final double PT = PdfLabelRenderer.POINTS_PER_MM;

    private final PdfLabelRenderer renderer = new PdfLabelRenderer();

    @Test
    void theJapaneseTitleTagContractAndAgencyAreTextInTheLabelsCell() throws IOException {
        List<LabelContent> labels = LabelFixtures.labels(24);
        try (PDDocument document = Loader.loadPDF(renderer.sheets(labels, SHEET))) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            for (int i = 0; i < labels.size(); i++) {
                stripper.addRegion("label" + i, cell(i));
            }
            stripper.extractRegions(document.getPage(0));

            for (int i : new int[] {0, 12}) {
                LabelContent label = labels.get(i);
                String text = stripper.getTextForRegion("label" + i).replaceAll("\\R", "");
                assertThat(label.title()).isEqualTo(LabelFixtures.JAPANESE_TITLE);
                assertThat(text)
                        .contains(
                                label.tag(), LabelFixtures.JAPANESE_TITLE, label.contractNumber());
            }
            assertThat(stripper.getTextForRegion("label0")).contains("デジタル庁");
            assertThat(stripper.getTextForRegion("label12"))
                    .as("a long agency name is shortened")
                    .contains("Ministry of Land")
                    .doesNotContain("Tourism")
                    .contains(TextFitting.ELLIPSIS);
        }
    }

    @Test
    void aVeryLongTitleIsEllipsisedAndEveryGlyphOnTheSheetStaysInsideItsOwnCell()
            throws IOException {
        List<LabelContent> labels = LabelFixtures.labels(48);
        try (PDDocument document = Loader.loadPDF(renderer.sheets(labels, SHEET))) {
            GlyphCollector glyphs = new GlyphCollector();
            glyphs.getText(document);

            assertThat(glyphs.positions).hasSizeGreaterThan(48 * 20);
            for (TextPosition glyph : glyphs.positions) {
                int column = (int) ((glyph.getXDirAdj() / PT - SHEET.leftMm()) / SHEET.pitchXMm());
                int row = (int) ((glyph.getYDirAdj() / PT - SHEET.topMm()) / SHEET.pitchYMm());
                double cellRight =
                        SHEET.leftMm() + column * SHEET.pitchXMm() + SHEET.label().widthMm();
                double cellBottom =
                        SHEET.topMm() + row * SHEET.pitchYMm() + SHEET.label().heightMm();
                String where = "'" + glyph.getUnicode() + "' at " + glyph.getXDirAdj() / PT + " mm";
                assertThat((glyph.getXDirAdj() + glyph.getWidthDirAdj()) / PT)
                        .as(where)
                        .isLessThanOrEqualTo(cellRight - SHEET.label().paddingMm() + 0.01);
                assertThat(glyph.getYDirAdj() / PT).as(where).isLessThan(cellBottom);
            }
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("long", cell(6));
            stripper.extractRegions(document.getPage(0));
            String longLabel = stripper.getTextForRegion("long").replaceAll("\\R", "");
            assertThat(labels.get(6).title()).isEqualTo(LabelFixtures.LONG_TITLE);
            assertThat(longLabel)
                    .contains("令和七年度国土交通省")
                    .contains(TextFitting.ELLIPSIS)
                    .doesNotContain("その他付随資料");
        }
    }

    @Test
    void moreThan24LabelsContinueOnAnotherA4Page() throws IOException {
        try (PDDocument document =
                Loader.loadPDF(renderer.sheets(LabelFixtures.labels(25), SHEET))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDPage page = document.getPage(1);
            assertThat(page.getMediaBox().getWidth() / PT).isCloseTo(210, offset(0.01));
            assertThat(page.getMediaBox().getHeight() / PT).isCloseTo(297, offset(0.01));
            assertThat(new PDFTextStripper().getText(document))
                    .contains(LabelFixtures.label(24).tag());
        }
    }

    @Test
    void theTapeLayoutPrintsOneLabelPerPageOfTheLabelsSize() throws IOException {
        try (PDDocument document =
                Loader.loadPDF(renderer.singles(LabelFixtures.labels(3), LabelSize.TAPE_62X29))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth() / PT).isCloseTo(62, offset(0.01));
                assertThat(page.getMediaBox().getHeight() / PT).isCloseTo(29, offset(0.01));
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(document).replaceAll("\\R", ""))
                    .contains(LabelFixtures.JAPANESE_TITLE);
        }
    }

    @Test
    void onlyASubsetOfTheJapaneseFontIsEmbedded() throws IOException {
        byte[] pdf = renderer.sheets(LabelFixtures.labels(24), SHEET);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts)
                    .singleElement()
                    .satisfies(
                            font -> {
                                assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
                                assertThat(font.isEmbedded()).isTrue();
                            });
        }
        assertThat(pdf.length).as("the whole font is 6 MB").isLessThan(300_000);
    }

    @Test
    void anEmptyListOfLabelsIsRefused() {
        assertThatThrownBy(() -> renderer.sheets(List.of(), SHEET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Rectangle2D cell(int index) {
        return new Rectangle2D.Double(
                SHEET.labelX(index) * PT,
                SHEET.labelY(index) * PT,
                SHEET.label().widthMm() * PT,
                SHEET.label().heightMm() * PT);
    }

    /** Keeps every glyph's position as PDFBox reads it back. */
    private static final class GlyphCollector extends PDFTextStripper {
        private final List<TextPosition> positions = new ArrayList<>();

        GlyphCollector() throws IOException {}

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            positions.addAll(textPositions);
        }
    }
}
