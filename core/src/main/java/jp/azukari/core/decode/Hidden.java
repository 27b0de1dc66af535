package jp.azukari.core.decode;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ResultPoint;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.util.List;

/**
 * A copy of a luminance source with the QR codes already read painted over as plain paper, so that
 * the next search cannot lock onto their finder patterns again and has to find the others.
 */
final class Hidden {

    /**
     * From a finder pattern's centre to the code's corner is 3.5 modules each way; two more cover
     * the quiet zone.
     */
    private static final double REACH_MODULES = 5.5 * Math.sqrt(2);

    /**
     * Without a module size: how far past the finder centres to paint, as a share of their distance
     * to the middle.
     */
    private static final double REACH_SHARE = 0.8;

    private static final byte PAPER = (byte) 0xFF;

    private Hidden() {}

    /**
     * A code's outline with its quiet zone: four corners, in order around it, in the pixels of the
     * view searched.
     */
    record Outline(double[][] corners) {

        /** The same outline in the pixels of a picture {@code factor} times as large. */
        Outline scaled(double factor) {
            double[][] scaled = new double[corners.length][];
            for (int i = 0; i < corners.length; i++) {
                scaled[i] = new double[] {corners[i][0] * factor, corners[i][1] * factor};
            }
            return new Outline(scaled);
        }
    }

    static LuminanceSource codes(LuminanceSource source, List<Outline> outlines) {
        if (outlines.isEmpty()) {
            return source;
        }
        int width = source.getWidth();
        int height = source.getHeight();
        byte[] luma = source.getMatrix().clone();
        for (Outline outline : outlines) {
            paint(luma, width, height, outline.corners());
        }
        return new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false);
    }

    /**
     * The outline of a QR code read at ({@code left}, {@code top}) of the view: its result's first
     * three points are the centres of its finder patterns (bottom left, top left, top right), and
     * the fourth corner completes the parallelogram; each is pushed out to the code's corner and
     * beyond, over the quiet zone. Null without those points.
     */
    static Outline outline(ResultPoint[] points, int left, int top) {
        if (points == null
                || points.length < 3
                || points[0] == null
                || points[1] == null
                || points[2] == null) {
            return null;
        }
        ResultPoint bottomLeft = points[0];
        ResultPoint topLeft = points[1];
        ResultPoint topRight = points[2];
        double[][] centres = {
            {topLeft.getX(), topLeft.getY()},
            {topRight.getX(), topRight.getY()},
            {
                topRight.getX() + bottomLeft.getX() - topLeft.getX(),
                topRight.getY() + bottomLeft.getY() - topLeft.getY()
            },
            {bottomLeft.getX(), bottomLeft.getY()}
        };
        double middleX = (topRight.getX() + bottomLeft.getX()) / 2;
        double middleY = (topRight.getY() + bottomLeft.getY()) / 2;
        double module = moduleSize(points);
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            double dx = centres[i][0] - middleX;
            double dy = centres[i][1] - middleY;
            double distance = Math.hypot(dx, dy);
            if (distance == 0) {
                return null;
            }
            double reach = module > 0 ? REACH_MODULES * module : REACH_SHARE * distance;
            corners[i] =
                    new double[] {
                        left + centres[i][0] + dx / distance * reach,
                        top + centres[i][1] + dy / distance * reach
                    };
        }
        return new Outline(corners);
    }

    private static double moduleSize(ResultPoint[] points) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            if (!(points[i] instanceof FinderPattern finder)) {
                return 0;
            }
            sum += finder.getEstimatedModuleSize();
        }
        return sum / 3;
    }

    /** Paints the convex quadrilateral white, pixel centres inside it. */
    private static void paint(byte[] luma, int width, int height, double[][] corners) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : corners) {
            minX = Math.min(minX, corner[0]);
            maxX = Math.max(maxX, corner[0]);
            minY = Math.min(minY, corner[1]);
            maxY = Math.max(maxY, corner[1]);
        }
        int x0 = Math.max(0, (int) Math.floor(minX));
        int x1 = Math.min(width - 1, (int) Math.ceil(maxX));
        int y0 = Math.max(0, (int) Math.floor(minY));
        int y1 = Math.min(height - 1, (int) Math.ceil(maxY));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (inside(corners, x + 0.5, y + 0.5)) {
                    luma[y * width + x] = PAPER;
                }
            }
        }
    }

    /** Inside a convex polygon: on the same side of every edge. */
    private static boolean inside(double[][] corners, double x, double y) {
        int sign = 0;
        for (int i = 0; i < corners.length; i++) {
            double[] a = corners[i];
            double[] b = corners[(i + 1) % corners.length];
            double cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
            int side = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (side != 0) {
                if (sign != 0 && side != sign) {
                    return false;
                }
                sign = side;
            }
        }
        return true;
    }
}
