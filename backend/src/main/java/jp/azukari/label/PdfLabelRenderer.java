package jp.azukari.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Labels as PDF for printing: sheets of label stock (as many pages as needed) or one label per page
 * for a label printer. QR codes are vector rectangles; the text is IPAex Gothic, embedded as a
 * subset of the glyphs used.
 */
public final class PdfLabelRenderer {

    static final float POINTS_PER_MM = 72f / 25.4f;

    private final LabelFont font;
    private final LabelLayout layout;

    public PdfLabelRenderer() {
        this.font = LabelFont.shared();
        this.layout = new LabelLayout(font);
    }

    /**
     * The labels on sheets of the given stock, filled row by row, a new page every {@code
     * labelsPerPage()}.
     */
    public byte[] sheets(List<LabelContent> labels, SheetLayout sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeSheets(labels, sheet, out);
        return out.toByteArray();
    }

    public void writeSheets(List<LabelContent> labels, SheetLayout sheet, OutputStream out) {
        requireLabels(labels);
        write(
                out,
                (document, labelFont) -> {
                    PDRectangle pageSize =
                            new PDRectangle(mm(sheet.pageWidthMm()), mm(sheet.pageHeightMm()));
                    for (int first = 0; first < labels.size(); first += sheet.labelsPerPage()) {
                        List<LabelContent> onPage =
                                labels.subList(
                                        first,
                                        Math.min(labels.size(), first + sheet.labelsPerPage()));
                        PDPage page = new PDPage(pageSize);
                        document.addPage(page);
                        try (PDPageContentStream content =
                                new PDPageContentStream(document, page)) {
                            PdfLabelPainter painter =
                                    new PdfLabelPainter(content, labelFont, pageSize.getHeight());
                            for (int i = 0; i < onPage.size(); i++) {
                                painter.paint(
                                        layout.layout(onPage.get(i), sheet.label()),
                                        sheet.labelX(i),
                                        sheet.labelY(i));
                            }
                        }
                    }
                });
    }

    /** One label per page of exactly the label's size: for a tape or roll label printer. */
    public byte[] singles(List<LabelContent> labels, LabelSize size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeSingles(labels, size, out);
        return out.toByteArray();
    }

    public void writeSingles(List<LabelContent> labels, LabelSize size, OutputStream out) {
        requireLabels(labels);
        write(
                out,
                (document, labelFont) -> {
                    PDRectangle pageSize = new PDRectangle(mm(size.widthMm()), mm(size.heightMm()));
                    for (LabelContent label : labels) {
                        PDPage page = new PDPage(pageSize);
                        document.addPage(page);
                        try (PDPageContentStream content =
                                new PDPageContentStream(document, page)) {
                            new PdfLabelPainter(content, labelFont, pageSize.getHeight())
                                    .paint(layout.layout(label, size), 0, 0);
                        }
                    }
                });
    }

    @FunctionalInterface
    private interface Pages {
        void add(PDDocument document, PDType0Font font) throws IOException;
    }

    private void write(OutputStream out, Pages pages) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Azukari labels");
            document.getDocumentInformation().setCreator("Azukari");
            // parsed per document from the bytes kept in memory: each document owns its font, so no
            // locking
            PDType0Font labelFont =
                    PDType0Font.load(
                            document, new RandomAccessReadBuffer(font.ttfBytes()), true, false);
            pages.add(document, labelFont);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireLabels(List<LabelContent> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
    }

    static float mm(double millimetres) {
        return (float) (millimetres * POINTS_PER_MM);
    }
}
