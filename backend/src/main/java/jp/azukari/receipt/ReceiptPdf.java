package jp.azukari.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.azukari.label.LabelFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The handover receipt as an A4 PDF in Japanese, set in the labels' font (IPAex Gothic, embedded as
 * a subset): a heading with both parties and the contract, then one row per line — tag, title,
 * state, who confirmed it and when, and under it the hash of the line's ledger event — and on every
 * page the transfer id and "p / n ページ".
 */
public final class ReceiptPdf {

    private static final float MARGIN = 42f;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float TOP = HEIGHT - MARGIN - 22f;
    private static final float BOTTOM = MARGIN + 24f;
    private static final float ROW = 27f;
    private static final float BODY = 9f;
    private static final float SMALL = 6.5f;

    /**
     * Column left edges: No, tag, title, state, confirmed by, confirmed at; the last one ends at
     * the right margin.
     */
    private static final float[] COLUMNS = {
        MARGIN, MARGIN + 24, MARGIN + 128, MARGIN + 290, MARGIN + 336, MARGIN + 424
    };

    private static final String[] HEADINGS = {"No.", "管理番号", "件名", "状態", "確認者", "確認日時"};

    private final LabelFont labelFont = LabelFont.shared();
    private final ReceiptText text;

    public ReceiptPdf(ZoneId zone) {
        this(() -> zone);
    }

    /** The agency's zone as it is when each receipt is drawn. */
    public ReceiptPdf(java.util.function.Supplier<ZoneId> zones) {
        this.text = new ReceiptText(zones);
    }

    public byte[] render(Receipt receipt) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("受領書 " + receipt.transferId());
            document.getDocumentInformation().setCreator("Azukari");
            PDType0Font font =
                    PDType0Font.load(
                            document,
                            new RandomAccessReadBuffer(labelFont.ttfBytes()),
                            true,
                            false);
            new Pages(document, font, receipt).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One document being written: the page in hand and how far down it the text has come. */
    private final class Pages {
        private final PDDocument document;
        private final PDType0Font font;
        private final Receipt receipt;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDType0Font font, Receipt receipt) {
            this.document = document;
            this.font = font;
            this.receipt = receipt;
        }

        void write() throws IOException {
            newPage();
            heading();
            tableHeading();
            for (Receipt.Line line : receipt.lines()) {
                if (y - ROW < BOTTOM) {
                    newPage();
                    tableHeading();
                }
                row(line);
            }
            closing();
            content.close();
            frames();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        }

        private void heading() throws IOException {
            String title = "受　領　書";
            show(title, 20f, (WIDTH - width(title, 20f)) / 2, y - 20);
            String sub = "貸与物品等の授受の記録（Handover receipt）";
            show(sub, BODY, (WIDTH - width(sub, BODY)) / 2, y - 36);
            y -= 62;
            Receipt r = receipt;
            field("移転ID", r.transferId().toString());
            field("種別", ReceiptText.kind(r.kind()) + "　" + r.kind());
            field("契約", r.contractNumber() + "　" + r.contractTitle());
            field("引渡者", r.fromPartyName());
            field("受領者", r.toPartyName());
            field("開始", text.dateTimeWithEra(r.startedAt()) + "　" + r.startedByName());
            field("完了", text.dateTimeWithEra(r.closedAt()));
            field(
                    "明細",
                    r.lines().size()
                            + " 件（受領確認 "
                            + r.count("CONFIRMED")
                            + " 件、不着 "
                            + r.count("MISSING")
                            + " 件）");
            y -= 10;
        }

        private void field(String name, String value) throws IOException {
            show(name, BODY, MARGIN, y);
            show(fit(value, BODY, WIDTH - 2 * MARGIN - 60), BODY, MARGIN + 60, y);
            y -= 15;
        }

        private void tableHeading() throws IOException {
            for (int i = 0; i < HEADINGS.length; i++) {
                show(HEADINGS[i], BODY, COLUMNS[i] + 2, y - 11);
            }
            rule(y - 15, 0.8f);
            y -= 15;
        }

        private void row(Receipt.Line line) throws IOException {
            float base = y - 11;
            String[] cells = {
                String.valueOf(line.lineNo()),
                line.tag(),
                line.title(),
                ReceiptText.status(line.status()),
                line.confirmedByName() == null ? "—" : line.confirmedByName(),
                text.dateTime(line.confirmedAt())
            };
            for (int i = 0; i < cells.length; i++) {
                float right = i + 1 < COLUMNS.length ? COLUMNS[i + 1] : WIDTH - MARGIN;
                show(fit(cells[i], BODY, right - COLUMNS[i] - 4), BODY, COLUMNS[i] + 2, base);
            }
            String ledger =
                    line.eventHash() == null
                            ? "台帳記録なし"
                            : "台帳 #"
                                    + line.eventSeq()
                                    + "　SHA-256 "
                                    + line.eventHash()
                                    + (line.deviceId() == null ? "" : "　端末 " + line.deviceId());
            show(
                    fit(ledger, SMALL, WIDTH - MARGIN - COLUMNS[1] - 4),
                    SMALL,
                    COLUMNS[1] + 2,
                    base - 10);
            rule(y - ROW, 0.3f);
            y -= ROW;
        }

        /** The note on how to check the paper, and a box for each party's seal or signature. */
        private void closing() throws IOException {
            float needed = 110f;
            if (y - needed < BOTTOM) {
                newPage();
            }
            y -= 16;
            show(
                    "各明細の台帳ハッシュは、資産の台帳（GET /api/v1/assets/{id}/events の hash）と照合できます。",
                    SMALL + 1,
                    MARGIN,
                    y);
            y -= 20;
            float boxWidth = (WIDTH - 2 * MARGIN - 20) / 2;
            box("引渡者", receipt.fromPartyName(), MARGIN, boxWidth);
            box("受領者", receipt.toPartyName(), MARGIN + boxWidth + 20, boxWidth);
        }

        private void box(String role, String party, float x, float boxWidth) throws IOException {
            content.setLineWidth(0.6f);
            content.addRect(x, y - 70, boxWidth, 70);
            content.stroke();
            show(role + "　" + fit(party, BODY, boxWidth - 60), BODY, x + 6, y - 14);
            show("氏名・印", SMALL + 1, x + 6, y - 62);
        }

        /** Header and footer on every page, once the number of pages is known. */
        private void frames() throws IOException {
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream c =
                        new PDPageContentStream(
                                document,
                                pages.get(i),
                                PDPageContentStream.AppendMode.APPEND,
                                true,
                                true)) {
                    content = c;
                    String id = "移転ID " + receipt.transferId();
                    show("受領書（Azukari）", SMALL + 1, MARGIN, HEIGHT - MARGIN);
                    show(id, SMALL + 1, WIDTH - MARGIN - width(id, SMALL + 1), HEIGHT - MARGIN);
                    rule(HEIGHT - MARGIN - 5, 0.5f);
                    rule(MARGIN + 12, 0.5f);
                    String page = (i + 1) + " / " + n + " ページ";
                    show(id, SMALL + 1, MARGIN, MARGIN);
                    show(page, SMALL + 1, WIDTH - MARGIN - width(page, SMALL + 1), MARGIN);
                }
            }
        }

        private void rule(float at, float lineWidth) throws IOException {
            content.setLineWidth(lineWidth);
            content.moveTo(MARGIN, at);
            content.lineTo(WIDTH - MARGIN, at);
            content.stroke();
        }

        private void show(String s, float size, float x, float baseline) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(s);
            content.endText();
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        /** The text as the font can print it, cut with "…" to fit the width. */
        private String fit(String raw, float size, float max) throws IOException {
            String s = labelFont.printable(raw == null ? "" : raw);
            if (width(s, size) <= max) {
                return s;
            }
            int[] cps = s.codePoints().toArray();
            int n = cps.length;
            while (n > 0 && width(new String(cps, 0, n) + "…", size) > max) {
                n--;
            }
            return new String(cps, 0, n) + "…";
        }
    }
}
