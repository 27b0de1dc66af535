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
 * Finds every QR code in a picture, whatever its rotation or polarity. Attempts run likeliest and
 * cheapest first and stop at the first that finds something. A picture in which something was found
 * is searched further for the codes the detectors passed over: with the codes found so far hidden,
 * over the whole picture and then tile by tile, with the other binarizer and, if it was shrunk and
 * showed several codes, at full size, so that no label is left out.
 */
public final class QrDecoder {

    /**
     * How hard to look: a photo is worth every trick; a video frame is followed by another one in
     * 40 ms.
     */
    public enum Effort {
        /**
         * Every scale, then inverted at the first scale; codes passed over are looked for again:
         * for photos and files.
         */
        THOROUGH,
        /**
         * Only the first scale, both polarities, one look: for camera frames, where the next frame
         * is the next chance.
         */
        QUICK
    }

    /**
     * Rounds of "hide what was found, look again" over the whole view; each round that finds
     * something costs one search.
     */
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
        List<View> scales = effort == Effort.QUICK ? views.subList(0, 1) : views;
        GrayImage first = views.get(0).applyTo(image);
        Map<String, DecodedCode> found = new LinkedHashMap<>();
        List<Hidden.Outline> seen = new ArrayList<>();
        // Dark on light, every scale until nothing that looks like part of a code is left over.
        for (int i = 0; i < scales.size(); i++) {
            View view = scales.get(i);
            boolean leftOver =
                    search(
                            (i == 0 ? first : view.applyTo(image)).luminanceSource(),
                            view.scale(),
                            found,
                            seen);
            // A full-size view that showed a code is enough; a shrunk one that showed several may
            // hide more at full
            // size, and so may one that showed one code while something still looks like part of a
            // code (labels too
            // small for the shrunk copy).
            if (!found.isEmpty() && (view.scale() <= 1 || (found.size() == 1 && !leftOver))) {
                break;
            }
        }
        // Light on dark: labels printed inverted can lie beside ordinary ones in one photo, so they
        // are always looked
        // for, with the codes found so far painted over, wherever finder patterns of the other
        // polarity show.
        List<Hidden.Outline> seenInverted = new ArrayList<>();
        for (int i = 0; i < scales.size() && scales.get(i).scale() >= 1; i++) {
            View view = scales.get(i);
            double scale = view.scale();
            LuminanceSource source =
                    Hidden.codes(
                                    (i == 0 ? first : view.applyTo(image)).luminanceSource(),
                                    seen.stream()
                                            .map(outline -> outline.scaled(1 / scale))
                                            .toList())
                            .invert();
            if (seenInverted.isEmpty() && Attempt.finderPatterns(source).isEmpty()) {
                continue;
            }
            boolean leftOver = search(source, scale, found, seenInverted);
            if (scale <= 1 || (!leftOver && !seenInverted.isEmpty())) {
                break;
            }
        }
        return found.isEmpty() ? List.of() : inReadingOrder(found);
    }

    /**
     * Adds every code one view shows to {@code found}, and their outlines (in the picture's pixels)
     * to {@code seen}. Detectors lock onto some finder patterns and pass over others (and a
     * single-code detector given two codes may pair the patterns of both), so on a thorough look
     * the codes found are hidden, painted over as paper, and the view is searched again, as a whole
     * and then in overlapping tiles that each hold fewer codes, until nothing new turns up. A view
     * searched after another starts with the codes seen there hidden, and only where something
     * still looks like part of a code.
     */
    private boolean search(
            LuminanceSource source,
            double scale,
            Map<String, DecodedCode> found,
            List<Hidden.Outline> seen) {
        LuminanceSource rest = source;
        if (seen.isEmpty()) {
            List<Hidden.Outline> fresh = searchOnce(source, 0, 0, scale, found);
            if (effort == Effort.QUICK) {
                return false;
            }
            if (fresh.isEmpty()) {
                return !Attempt.finderPatterns(source).isEmpty();
            }
            for (int round = 0; !fresh.isEmpty() && round < MAX_HIDING_ROUNDS; round++) {
                remember(fresh, scale, seen);
                rest = Hidden.codes(rest, fresh);
                fresh = searchOnce(rest, 0, 0, scale, found);
            }
            remember(fresh, scale, seen);
            rest = Hidden.codes(rest, fresh);
        } else {
            rest =
                    Hidden.codes(
                            rest, seen.stream().map(outline -> outline.scaled(1 / scale)).toList());
        }
        // Tiles of half the long side, then of a quarter, …: a tile is searched only if something
        // in it still looks
        // like part of a code, so a photo whose codes were all found costs one look for finder
        // patterns per size.
        for (int side = Math.max(rest.getWidth(), rest.getHeight()) / 2;
                side >= MIN_TILE;
                side /= 2) {
            List<ResultPoint> leftOver = Attempt.finderPatterns(rest);
            if (leftOver.isEmpty()) {
                return false;
            }
            int width = Math.min(side, rest.getWidth());
            int height = Math.min(side, rest.getHeight());
            for (int top : tilePositions(rest.getHeight(), height)) {
                for (int left : tilePositions(rest.getWidth(), width)) {
                    boolean worthIt =
                            leftOver.stream()
                                    .anyMatch(
                                            p ->
                                                    p.getX() >= left
                                                            && p.getX() < left + width
                                                            && p.getY() >= top
                                                            && p.getY() < top + height);
                    while (worthIt) {
                        List<Hidden.Outline> fresh =
                                searchOnce(
                                        rest.crop(left, top, width, height),
                                        left,
                                        top,
                                        scale,
                                        found);
                        remember(fresh, scale, seen);
                        rest = Hidden.codes(rest, fresh);
                        worthIt = !fresh.isEmpty(); // the same tile again, without the code just
                        // found
                    }
                }
            }
        }
        return !Attempt.finderPatterns(rest).isEmpty();
    }

    private static void remember(
            List<Hidden.Outline> fresh, double scale, List<Hidden.Outline> seen) {
        fresh.forEach(outline -> seen.add(outline.scaled(scale)));
    }

    /**
     * Where tiles of {@code tile} pixels start along {@code total}, half a tile apart, the last one
     * at the end.
     */
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
     * The attempts in order until one finds something, then the other multi-code attempt too. Codes
     * new to {@code found} are added, and their outlines (in the whole view's pixels) returned.
     */
    private static List<Hidden.Outline> searchOnce(
            LuminanceSource source,
            int left,
            int top,
            double scale,
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

    private static void collect(
            List<Result> results,
            int left,
            int top,
            double scale,
            Map<String, DecodedCode> found,
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
