package jp.azukari.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.azukari.label.LabelFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages of Japanese text in the label font (IPAex Gothic, embedded as a subset): headings,
 * wrapped lines and table rows, a footer on every page. Pages are kept in a temporary file, not the
 * heap, so a long report fits.
 */
public final class PdfText implements AutoCloseable {

    private static final float MARGIN = 42f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document;
    private final PDType0Font font;
    private final String footer;
    private PDPageContentStream content;
    private float y;
    private int pages;

    public PdfText(String title, String footer) {
        try {
            this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
            this.font =
                    PDType0Font.load(
                            document,
                            new RandomAccessReadBuffer(LabelFont.shared().ttfBytes()),
                            true,
                            false);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setProducer("Azukari");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.footer = footer;
    }

    private void page() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages++;
        content = new PDPageContentStream(document, page);
        content.beginText();
        content.setFont(font, 7);
        content.newLineAtOffset(MARGIN, 22);
        content.showText(printable(footer + "  —  p. " + pages));
        content.endText();
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (content == null || y - height < MARGIN) {
            page();
        }
    }

    private String printable(String text) {
        return LabelFont.shared().printable(text == null ? "" : text);
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    public PdfText heading(String text) {
        return write(text, 13, 0, 6);
    }

    public PdfText subheading(String text) {
        return write(text, 10.5f, 0, 3);
    }

    public PdfText line(String text) {
        return write(text, 8.5f, 0, 0);
    }

    public PdfText small(String text) {
        return write(text, 7f, 10, 0);
    }

    /** Writes text wrapped to the page width. */
    private PdfText write(String raw, float size, float indent, float before) {
        try {
            String text = printable(raw);
            float leading = size * 1.35f;
            ensure(before + leading);
            y -= before;
            String rest = text;
            while (!rest.isEmpty()) {
                int n = fit(rest, size, WIDTH - indent);
                ensure(leading);
                y -= leading;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + indent, y);
                content.showText(rest.substring(0, n));
                content.endText();
                rest = rest.substring(n).stripLeading();
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Table row: each cell cut to its column's width. */
    public PdfText row(float[] columns, String... cells) {
        try {
            float size = 7.5f;
            float leading = size * 1.4f;
            ensure(leading);
            y -= leading;
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                float w = columns[i] * WIDTH;
                String text = printable(cells[i]);
                int n = fit(text, size, w - 3);
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(x, y);
                content.showText(
                        n < text.length() ? text.substring(0, Math.max(0, n - 1)) + "…" : text);
                content.endText();
                x += w;
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fit(String text, float size, float width) throws IOException {
        if (width(text, size) <= width) {
            return text.length();
        }
        int lo = 1;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(text.substring(0, mid), size) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (Character.isHighSurrogate(text.charAt(lo - 1)) && lo > 1) {
            lo--;
        }
        return lo;
    }

    public PdfText gap() {
        y -= 6;
        return this;
    }

    /**
     * The document in a new temporary file named {@code prefix…pdf}; nothing is left on failure.
     */
    public Path saveAs(String prefix) throws IOException {
        Path file = Files.createTempFile(prefix, ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        } catch (UncheckedIOException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    public void writeTo(OutputStream out) {
        try {
            if (content == null) {
                page();
            }
            content.close();
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        var out = new java.io.ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
