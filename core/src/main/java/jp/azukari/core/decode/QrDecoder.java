package jp.azukari.core.decode;

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
 * stop at the first that finds something. A picture in which something was found is searched further for the codes
 * the detectors passed over: with the codes found so far hidden, over the whole picture and then tile by tile, with the
 * other binarizer and, if it was shrunk and showed several codes, at full size, so that no label is left out.
 */
public final class QrDecoder {

    /** How hard to look: a photo is worth every trick; a video frame is followed by another one in 40 ms. */
    public enum Effort {
        /** Every scale, then inverted at the first scale; codes passed over are looked for again: for photos and files. */
        THOROUGH,
        /** Only the first scale, both polarities, one look: for camera frames, where the next frame is the next chance. */
        QUICK
    }

    /** Rounds of "hide what was found, look again" over the whole view; each round that finds something costs one search. */
    private static final int MAX_HIDING_ROUNDS = 8;

    /** Tiles smaller than this hold no code a whole-picture search would have missed. */
    private static final int MIN_TILE = 120;

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
            List<Hidden.Outline> seen = new ArrayList<>();
            for (int i = 0; i < scales.size(); i++) {
                View view = scales.get(i);
                LuminanceSource source = (i == 0 ? first : view.applyTo(image)).luminanceSource();
                search(inverted ? source.invert() : source, view.scale(), found, seen);
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

    /**
     * Adds every code one view shows to {@code found}, and their outlines (in the picture's pixels) to {@code seen}.
     * Detectors lock onto some finder patterns and pass over others (and a single-code detector given two codes may
     * pair the patterns of both), so on a thorough look the codes found are hidden, painted over as paper, and the
     * view is searched again, as a whole and then in overlapping tiles that each hold fewer codes, until nothing new
     * turns up. A view searched after another starts with the codes seen there hidden, and only where something still
     * looks like part of a code.
     */
    private void search(LuminanceSource source, double scale, Map<String, DecodedCode> found, List<Hidden.Outline> seen) {
        LuminanceSource rest = source;
        if (seen.isEmpty()) {
            List<Hidden.Outline> fresh = searchOnce(source, 0, 0, scale, found);
            if (effort == Effort.QUICK || fresh.isEmpty()) {
                return;
            }
            for (int round = 0; !fresh.isEmpty() && round < MAX_HIDING_ROUNDS; round++) {
                remember(fresh, scale, seen);
                rest = Hidden.codes(rest, fresh);
                fresh = searchOnce(rest, 0, 0, scale, found);
            }
            remember(fresh, scale, seen);
            rest = Hidden.codes(rest, fresh);
        } else {
            rest = Hidden.codes(rest, seen.stream().map(outline -> outline.scaled(1 / scale)).toList());
        }
        // Tiles of half the long side, then of a quarter, …: a tile is searched only if something in it still looks
        // like part of a code, so a photo whose codes were all found costs one look for finder patterns per size.
        for (int side = Math.max(rest.getWidth(), rest.getHeight()) / 2; side >= MIN_TILE; side /= 2) {
            List<ResultPoint> leftOver = Attempt.finderPatterns(rest);
            if (leftOver.isEmpty()) {
                return;
            }
            int width = Math.min(side, rest.getWidth());
            int height = Math.min(side, rest.getHeight());
            for (int top : tilePositions(rest.getHeight(), height)) {
                for (int left : tilePositions(rest.getWidth(), width)) {
                    boolean worthIt = leftOver.stream().anyMatch(p -> p.getX() >= left && p.getX() < left + width
                            && p.getY() >= top && p.getY() < top + height);
                    while (worthIt) {
                        List<Hidden.Outline> fresh = searchOnce(rest.crop(left, top, width, height), left, top, scale, found);
                        remember(fresh, scale, seen);
                        rest = Hidden.codes(rest, fresh);
                        worthIt = !fresh.isEmpty(); // the same tile again, without the code just found
                    }
                }
            }
        }
    }

    private static void remember(List<Hidden.Outline> fresh, double scale, List<Hidden.Outline> seen) {
        fresh.forEach(outline -> seen.add(outline.scaled(scale)));
    }

    /** Where tiles of {@code tile} pixels start along {@code total}, half a tile apart, the last one at the end. */
    private static List<Integer> tilePositions(int total, int tile) {
        if (tile >= total) {
            return List.of(0);
        }
        int gaps = (int) Math.ceil((total - tile) / (tile / 2.0));
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i <= gaps; i++) {
            positions.add((int) ((long) i * (total - tile) / gaps));
        }
        return positions;
    }

    /**
     * The attempts in order until one finds something, then the other multi-code attempt too. Codes new to
     * {@code found} are added, and their outlines (in the whole view's pixels) returned.
     */
    private static List<Hidden.Outline> searchOnce(LuminanceSource source, int left, int top, double scale,
            Map<String, DecodedCode> found) {
        List<Hidden.Outline> fresh = new ArrayList<>();
        for (Attempt attempt : Attempt.values()) {
            List<Result> results = attempt.run(source);
            collect(results, left, top, scale, found, fresh);
            if (!results.isEmpty()) {
                if (results.size() > 1) {
                    for (Attempt more : Attempt.values()) {
                        if (more != attempt && more.multi()) {
                            collect(more.run(source), left, top, scale, found, fresh);
                        }
                    }
                }
                return fresh;
            }
        }
        return fresh;
    }

    private static void collect(List<Result> results, int left, int top, double scale, Map<String, DecodedCode> found,
            List<Hidden.Outline> fresh) {
        for (Result result : results) {
            if (found.putIfAbsent(result.getText(), located(result, left, top, scale)) == null) {
                Hidden.Outline outline = Hidden.outline(result.getResultPoints(), left, top);
                if (outline != null) {
                    fresh.add(outline);
                }
            }
        }
    }

    private static DecodedCode located(Result result, int left, int top, double scale) {
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
                : new DecodedCode(result.getText(), (left + x / n) * scale, (top + y / n) * scale);
    }

    private static List<DecodedCode> inReadingOrder(Map<String, DecodedCode> found) {
        List<DecodedCode> codes = new ArrayList<>(found.values());
        codes.sort(Comparator.comparingDouble(DecodedCode::y).thenComparingDouble(DecodedCode::x));
        return List.copyOf(codes);
    }
}
