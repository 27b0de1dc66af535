package jp.azukari.scanner.decode;

import com.google.zxing.LuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every QR code in a picture, whatever its rotation or polarity. Attempts run likeliest and cheapest first and
 * stop at the first that finds something, so a clear photo of one label costs one pass. A picture that shows several
 * codes is searched further, with the other binarizer and, if it was shrunk, at full size, so that a label missed by
 * the first pass is not left out.
 */
public final class QrDecoder {

    /** How hard to look: a photo is worth every trick; a video frame is followed by another one in 40 ms. */
    public enum Effort {
        /** Every scale, then inverted at the first scale: for photos and files. */
        THOROUGH,
        /** Only the first scale, both polarities: for camera frames, where the next frame is the next chance. */
        QUICK
    }

    private final Effort effort;

    public QrDecoder() {
        this(Effort.THOROUGH);
    }

    public QrDecoder(Effort effort) {
        this.effort = effort;
    }

    public List<DecodedCode> decode(GrayImage image) {
        List<View> views = View.planFor(image);
        GrayImage first = views.get(0).applyTo(image);
        for (boolean inverted : new boolean[] {false, true}) {
            // Inverted labels are rare and printed, not photographed at a distance: the first scale is enough for them.
            List<View> scales = effort == Effort.QUICK || inverted ? views.subList(0, 1) : views;
            Map<String, DecodedCode> found = new LinkedHashMap<>();
            for (int i = 0; i < scales.size(); i++) {
                View view = scales.get(i);
                LuminanceSource source = (i == 0 ? first : view.applyTo(image)).luminanceSource();
                search(inverted ? source.invert() : source, view.scale()).forEach(found::putIfAbsent);
                if (found.size() == 1 || (found.size() > 1 && view.scale() <= 1)) {
                    break;
                }
            }
            if (!found.isEmpty()) {
                return inReadingOrder(found);
            }
        }
        return List.of();
    }

    private static Map<String, DecodedCode> search(LuminanceSource source, double scale) {
        Map<String, DecodedCode> found = new LinkedHashMap<>();
        for (Attempt attempt : Attempt.values()) {
            collect(attempt.run(source), scale, found);
            if (!found.isEmpty()) {
                if (found.size() > 1) {
                    lookForMore(attempt, source, scale, found);
                }
                return found;
            }
        }
        return found;
    }

    private static void lookForMore(Attempt done, LuminanceSource source, double scale, Map<String, DecodedCode> found) {
        for (Attempt attempt : Attempt.values()) {
            if (attempt != done && attempt.multi()) {
                collect(attempt.run(source), scale, found);
            }
        }
    }

    private static void collect(List<Result> results, double scale, Map<String, DecodedCode> found) {
        for (Result result : results) {
            found.putIfAbsent(result.getText(), located(result, scale));
        }
    }

    private static DecodedCode located(Result result, double scale) {
        ResultPoint[] points = result.getResultPoints();
        double x = 0;
        double y = 0;
        int n = 0;
        for (ResultPoint point : points == null ? new ResultPoint[0] : points) {
            if (point != null) {
                x += point.getX();
                y += point.getY();
                n++;
            }
        }
        return n == 0
                ? new DecodedCode(result.getText(), 0, 0)
                : new DecodedCode(result.getText(), x / n * scale, y / n * scale);
    }

    private static List<DecodedCode> inReadingOrder(Map<String, DecodedCode> found) {
        List<DecodedCode> codes = new ArrayList<>(found.values());
        codes.sort(Comparator.comparingDouble(DecodedCode::y).thenComparingDouble(DecodedCode::x));
        return List.copyOf(codes);
    }
}
