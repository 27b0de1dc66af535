package jp.azukari.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.azukari.label.LabelFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The approved summary as an A4 PDF in the label font (Japanese renders), wrapped to the page. */
final class PublicationPdf {

    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 17;

    private PublicationPdf() {}

    static byte[] render(PublicationView p, ZoneId zone) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font =
                    PDType0Font.load(
                            doc,
                            new RandomAccessReadBuffer(LabelFont.shared().ttfBytes()),
                            true,
                            false);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
            List<String> lines = new ArrayList<>();
            lines.add("Incident " + p.incidentKind() + " / " + p.contractNumber());
            lines.add(f.format(p.occurredAt()));
            lines.add("");
            for (String paragraph : p.summary().split("\\R", -1)) {
                lines.addAll(wrap(paragraph, font, width));
            }
            lines.add("");
            lines.add("Approved " + f.format(p.approvedAt()) + " / " + p.id());
            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            for (String line : lines) {
                if (cs == null || y < MARGIN) {
                    if (cs != null) {
                        cs.endText();
                        cs.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    cs.beginText();
                    cs.setFont(font, SIZE);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                    cs.newLineAtOffset(MARGIN, y);
                }
                cs.showText(line);
                cs.newLineAtOffset(0, -LEADING);
                y -= LEADING;
            }
            cs.endText();
            cs.close();
            doc.getDocumentInformation().setTitle("Incident publication " + p.incidentId());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType0Font font, float width)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (font.getStringWidth(line + ch) / 1000 * SIZE > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }
}
