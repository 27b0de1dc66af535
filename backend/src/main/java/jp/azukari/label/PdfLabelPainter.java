package jp.azukari.label;

import static jp.azukari.label.PdfLabelRenderer.mm;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Paints laid-out labels onto one PDF page, converting millimetres from the top into points from
 * the bottom.
 */
final class PdfLabelPainter {

    private final PDPageContentStream content;
    private final PDType0Font font;
    private final float pageHeight;

    PdfLabelPainter(PDPageContentStream content, PDType0Font font, float pageHeight) {
        this.content = content;
        this.font = font;
        this.pageHeight = pageHeight;
    }

    /** The label with its top-left corner at (left, top) millimetres on the page. */
    void paint(LabelDrawing drawing, double left, double top) throws IOException {
        paintQr(drawing.qr(), left, top);
        for (LabelDrawing.TextLine line : drawing.lines()) {
            content.beginText();
            content.setFont(font, mm(line.size()));
            content.newLineAtOffset(mm(left + line.x()), pageHeight - mm(top + line.baseline()));
            content.showText(line.text());
            content.endText();
        }
    }

    /**
     * All dark runs as one path filled once, so neighbouring rectangles show no seams when
     * rasterised.
     */
    private void paintQr(LabelDrawing.QrMark qr, double left, double top) throws IOException {
        double module = qr.moduleSize();
        double x0 = left + qr.x();
        double y0 = top + qr.y();
        for (QrSymbol.Run run : qr.symbol().darkRuns()) {
            // edges computed from module boundaries, so neighbours share exact coordinates
            float x = mm(x0 + run.column() * module);
            float right = mm(x0 + (run.column() + run.length()) * module);
            float upper = mm(y0 + run.row() * module);
            float lower = mm(y0 + (run.row() + 1) * module);
            content.addRect(x, pageHeight - lower, right - x, lower - upper);
        }
        content.fill();
    }
}
