package jp.azukari.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG coordinates (no script, nothing fetched): one
 * bar per row, its length proportional to the value, the longest filling {@code WIDTH}. The page
 * draws it and shows the same rows as a table, the chart's text equivalent.
 */
public record BarChart(int width, int height, List<Bar> bars) {

    public static final int WIDTH = 480;
    static final int ROW = 28;
    static final int BAR = 18;

    /** One bar: its label, value, whether it is a subcontractor's, its top and its length. */
    public record Bar(String label, long value, boolean marked, int y, int length, int textY) {}

    public record Row(String label, long value, boolean marked) {}

    public static BarChart of(List<Row> rows) {
        long max = rows.stream().mapToLong(Row::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int length =
                    max == 0 ? 0 : (int) Math.max(2, Math.round((double) r.value() * WIDTH / max));
            int y = i * ROW + (ROW - BAR) / 2;
            bars.add(new Bar(r.label(), r.value(), r.marked(), y, length, y + BAR - 4));
        }
        return new BarChart(WIDTH, Math.max(ROW, rows.size() * ROW), List.copyOf(bars));
    }

    public static BarChart byHolder(Dashboard d) {
        return of(
                d.byHolder().stream()
                        .map(h -> new Row(h.name(), h.overdue(), h.subcontractor()))
                        .toList());
    }
}
