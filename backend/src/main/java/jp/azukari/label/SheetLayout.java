package jp.azukari.label;

/**
 * A sheet of label stock: page size, the grid of labels and where it starts, all in millimetres.
 * Labels fill the sheet row by row, left to right.
 */
public record SheetLayout(
        String name,
        double pageWidthMm,
        double pageHeightMm,
        int columns,
        int rows,
        double leftMm,
        double topMm,
        double pitchXMm,
        double pitchYMm,
        LabelSize label) {

    /**
     * A4, 3 columns × 8 rows of 70 × 37 mm labels touching each other, 0.5 mm blank at top and
     * bottom, none at the sides: the common "24面 70×37mm" stock (Avery Zweckform 3474 and its
     * Japanese equivalents).
     */
    public static final SheetLayout A4_24_70X37 =
            new SheetLayout(
                    "A4 24 labels 70×37 mm", 210, 297, 3, 8, 0, 0.5, 70, 37, LabelSize.SHEET_70X37);

    public SheetLayout {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a sheet holds at least one label");
        }
        if (pitchXMm < label.widthMm() || pitchYMm < label.heightMm()) {
            throw new IllegalArgumentException("labels on a sheet cannot overlap");
        }
        double right = leftMm + (columns - 1) * pitchXMm + label.widthMm();
        double bottom = topMm + (rows - 1) * pitchYMm + label.heightMm();
        if (leftMm < 0 || topMm < 0 || right > pageWidthMm + 1e-9 || bottom > pageHeightMm + 1e-9) {
            throw new IllegalArgumentException("the labels of " + name + " do not fit on its page");
        }
    }

    public int labelsPerPage() {
        return columns * rows;
    }

    /** The left edge of the i-th label of a page (0-based, row by row). */
    public double labelX(int indexOnPage) {
        return leftMm + (indexOnPage % columns) * pitchXMm;
    }

    /** The top edge of the i-th label of a page, measured from the top of the page. */
    public double labelY(int indexOnPage) {
        return topMm + (indexOnPage / columns) * pitchYMm;
    }
}
