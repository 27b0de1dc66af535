package jp.azukari.label;

import java.util.ArrayList;
import java.util.List;

/**
 * The design of a label, the same at every size: the QR code on the left at full height; on the
 * right the tag on top (shrunk, or broken over two lines, before it is ever shortened), the title
 * below it in up to three lines, the contract number and the agency at the bottom. The text block
 * spans the height of the QR code's dark area. Sizes are fractions of the label's height.
 */
final class LabelLayout {

    private static final double TAG_SIZE = 0.11;
    private static final double MIN_ONE_LINE_TAG_SIZE = 0.075;
    private static final double MIN_TAG_SIZE = 0.05;
    private static final double TITLE_SIZE = 0.08;
    private static final double FOOT_SIZE = 0.07;
    private static final double LINE_PITCH = 1.2;
    private static final int MAX_TITLE_LINES = 3;

    private final LabelFont font;

    LabelLayout(LabelFont font) {
        this.font = font;
    }

    LabelDrawing layout(LabelContent content, LabelSize size) {
        double height = size.heightMm();
        double pad = size.paddingMm();
        double side = Math.min(height - 2 * pad, size.widthMm() / 2);
        LabelDrawing.QrMark qr =
                new LabelDrawing.QrMark(
                        QrSymbol.encode(content.payload()), pad, (height - side) / 2, side);
        double quiet = QrSymbol.QUIET_ZONE * qr.moduleSize();
        Column column = new Column(qr.x() + side, size.widthMm() - pad - qr.x() - side, height);

        List<LabelDrawing.TextLine> lines = new ArrayList<>();
        double tagBottom = tag(content.tag(), column, qr.y() + quiet, lines);
        double footTop = foot(content, column, qr.y() + side - quiet, lines);
        title(content.title(), column, tagBottom, footTop, lines);
        return new LabelDrawing(size.widthMm(), height, qr, lines);
    }

    /**
     * Where the text goes: its left edge, its width, and the label height that sizes are fractions
     * of.
     */
    private record Column(double x, double width, double labelHeight) {}

    /** Lays out the tag from the top; answers where its last line ends. */
    private double tag(String tag, Column column, double top, List<LabelDrawing.TextLine> lines) {
        double height = column.labelHeight();
        double size =
                fittingSize(tag, TAG_SIZE * height, MIN_ONE_LINE_TAG_SIZE * height, column.width());
        List<String> parts = List.of(tag);
        if (font.width(tag, size) > column.width()) {
            double twoLineSize =
                    fittingSize(
                            tag,
                            MIN_ONE_LINE_TAG_SIZE * height,
                            MIN_TAG_SIZE * height,
                            1.9 * column.width());
            parts = TextFitting.wrap(tag, column.width(), 2, text -> font.width(text, twoLineSize));
            size = twoLineSize;
        }
        double baseline = top + font.ascent() * size;
        for (int i = 0; i < parts.size(); i++) {
            lines.add(
                    line(
                            LabelDrawing.Role.TAG,
                            parts.get(i),
                            column,
                            baseline + i * LINE_PITCH * size,
                            size));
        }
        return baseline + (parts.size() - 1) * LINE_PITCH * size + font.descent() * size;
    }

    /**
     * Lays out the agency on the last line and the contract number above it; answers where the foot
     * begins.
     */
    private double foot(
            LabelContent content, Column column, double bottom, List<LabelDrawing.TextLine> lines) {
        double size = FOOT_SIZE * column.labelHeight();
        double footTop = bottom;
        double baseline = bottom - font.descent() * size;
        for (Foot foot :
                List.of(
                        new Foot(LabelDrawing.Role.AGENCY, content.agencyName()),
                        new Foot(LabelDrawing.Role.CONTRACT, content.contractNumber()))) {
            String text = font.printable(foot.text());
            if (!text.isEmpty()) {
                lines.add(line(foot.role(), text, column, baseline, size));
                footTop = baseline - font.ascent() * size;
                baseline -= LINE_PITCH * size;
            }
        }
        return footTop;
    }

    private record Foot(LabelDrawing.Role role, String text) {}

    /** Lays out the title in as many lines as fit between the tag and the foot, at most three. */
    private void title(
            String title,
            Column column,
            double top,
            double bottom,
            List<LabelDrawing.TextLine> lines) {
        double size = TITLE_SIZE * column.labelHeight();
        double pitch = LINE_PITCH * size;
        double first = top + 0.35 * size + font.ascent() * size;
        double last = bottom - 0.3 * size - font.descent() * size;
        int maxLines =
                Math.max(
                        1, Math.min(MAX_TITLE_LINES, 1 + (int) Math.floor((last - first) / pitch)));
        List<String> wrapped =
                TextFitting.wrap(
                        font.printable(title),
                        column.width(),
                        maxLines,
                        text -> font.width(text, size));
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add(
                    line(LabelDrawing.Role.TITLE, wrapped.get(i), column, first + i * pitch, size));
        }
    }

    /** The preferred size, or smaller down to the minimum, so the whole text fits the width. */
    private double fittingSize(String text, double preferred, double minimum, double maxWidth) {
        double width = font.width(text, preferred);
        return width <= maxWidth
                ? preferred
                : Math.max(minimum, preferred * maxWidth / width * 0.999);
    }

    private LabelDrawing.TextLine line(
            LabelDrawing.Role role, String text, Column column, double baseline, double size) {
        String fitted =
                TextFitting.ellipsize(
                        text, column.width(), candidate -> font.width(candidate, size));
        return new LabelDrawing.TextLine(
                role, fitted, column.x(), baseline, size, font.width(fitted, size));
    }
}
