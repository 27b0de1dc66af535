package jp.azukari.label;

/**
 * The physical size of one label, in millimetres, and the blank margin kept inside its edges. The
 * QR code sits on the left at full height, the text on the right, so a label is wider than high.
 */
public record LabelSize(double widthMm, double heightMm, double paddingMm) {

    /** A 62 mm tape printer's die-cut label, 62 × 29 mm (Brother DK-11209 and its like). */
    public static final LabelSize TAPE_62X29 = new LabelSize(62, 29, 1.5);

    /** One label of the A4 24-up sheet, 70 × 37 mm. */
    public static final LabelSize SHEET_70X37 = new LabelSize(70, 37, 2.5);

    public LabelSize {
        if (!(heightMm >= 10) || !(widthMm >= 1.6 * heightMm) || widthMm > 300) {
            throw new IllegalArgumentException(
                    "a label is 10 mm high or more and at least 1.6 times as wide as high");
        }
        if (!(paddingMm >= 0) || paddingMm > heightMm / 4) {
            throw new IllegalArgumentException(
                    "label padding must be between 0 and a quarter of the height");
        }
    }
}
