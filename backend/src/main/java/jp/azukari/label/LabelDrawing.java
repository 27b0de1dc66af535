package jp.azukari.label;

import java.util.List;

/**
 * One label laid out, in millimetres from its top-left corner: where the QR code goes and each line
 * of text, already fitted to its width. Every renderer draws the same drawing, each in its own
 * medium.
 */
record LabelDrawing(double width, double height, QrMark qr, List<TextLine> lines) {

    LabelDrawing {
        lines = List.copyOf(lines);
    }

    /** The QR code, quiet zone included, fills the square at (x, y) of this side. */
    record QrMark(QrSymbol symbol, double x, double y, double side) {

        double moduleSize() {
            return side / symbol.modules();
        }
    }

    /**
     * One line of text: its left end at x on the given baseline, the font size (em) and the width
     * it measures.
     */
    record TextLine(Role role, String text, double x, double baseline, double size, double width) {}

    enum Role {
        TAG,
        TITLE,
        CONTRACT,
        AGENCY
    }
}
