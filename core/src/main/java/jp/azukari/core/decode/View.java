package jp.azukari.core.decode;

import java.util.List;

/**
 * One scale at which to search a picture: shrunk by {@code shrink}, or enlarged twice, or as it is.
 * Only a plan: the scaled picture is made when the search gets there, so a label found at the first
 * scale costs no scaling.
 */
record View(int shrink, boolean enlarge) {

    /** Above this, a photo is first searched shrunk: faster, and camera noise averages out. */
    static final int LARGE = 1000;

    /**
     * A shrunk view aims at about this long side; QR modules of a label in a phone photo stay 3+
     * pixels wide.
     */
    static final int SHRUNK_LONG_SIDE = 1280;

    private static final View AS_IS = new View(1, false);

    /** The scales to search, most promising first. */
    static List<View> planFor(GrayImage image) {
        int longSide = image.longSide();
        if (longSide > LARGE) {
            int factor = Math.max(2, (longSide + SHRUNK_LONG_SIDE - 1) / SHRUNK_LONG_SIDE);
            return List.of(new View(factor, false), AS_IS);
        }
        // Small or blurred codes decode more often when the finder-pattern search has more pixels
        // to look at.
        return List.of(AS_IS, new View(1, true));
    }

    GrayImage applyTo(GrayImage image) {
        if (shrink > 1) {
            return image.downscaled(shrink);
        }
        return enlarge ? image.upscaled2x() : image;
    }

    /** Multiplies a point found in this view back to the picture's own pixels. */
    double scale() {
        return shrink > 1 ? shrink : enlarge ? 0.5 : 1;
    }
}
