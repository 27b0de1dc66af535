package jp.azukari.label;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * The one font every label is drawn and measured with: IPAex Gothic, shipped in the jar ({@code
 * fonts/ipaexg.ttf}, IPA Font License), so a label looks the same on every machine and never
 * depends on a system font. Loaded once; its bytes feed PDFBox, its AWT form draws PNGs and
 * measures text for every format. The handover receipt ({@code jp.azukari.receipt}) is set in it
 * too.
 */
public final class LabelFont {

    static final String RESOURCE = "/fonts/ipaexg.ttf";

    /** The family name the font declares, first in the SVG fallback list. */
    static final String FAMILY = "IPAexGothic";

    private static final float MEASURE_SIZE = 100f;
    // fractional metrics: advances are the font's own (hmtx), the same PDFBox uses, unrounded by
    // hinting
    private static final FontRenderContext UNHINTED = new FontRenderContext(null, true, true);

    private final byte[] ttf;
    private final Font awt;
    private final double ascent;
    private final double descent;

    private LabelFont(byte[] ttf) {
        this.ttf = ttf;
        try {
            this.awt =
                    Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf))
                            .deriveFont(MEASURE_SIZE);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the label font " + RESOURCE + " cannot be read", e);
        }
        LineMetrics metrics = awt.getLineMetrics("Ag漢", UNHINTED);
        this.ascent = metrics.getAscent() / MEASURE_SIZE;
        this.descent = metrics.getDescent() / MEASURE_SIZE;
    }

    public static LabelFont shared() {
        return Shared.FONT;
    }

    private static final class Shared {
        static final LabelFont FONT = new LabelFont(read());

        private static byte[] read() {
            try (InputStream in = LabelFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the label font " + RESOURCE + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The TrueType file itself. Callers read it and never write to it. */
    public byte[] ttfBytes() {
        return ttf;
    }

    Font awt(double size) {
        return awt.deriveFont((float) size);
    }

    /** The advance width of the text at this size (in the unit of {@code size}). */
    double width(String text, double size) {
        return awt.getStringBounds(text, UNHINTED).getWidth() * size / MEASURE_SIZE;
    }

    /** The distance from the baseline to the top of the tallest glyphs, per unit of size. */
    double ascent() {
        return ascent;
    }

    double descent() {
        return descent;
    }

    /**
     * The text as a label can print it: NFC, one line, single spaces, and every character the font
     * lacks shown as {@code ?} (a combining or format character it lacks is dropped), so no
     * renderer ever meets a missing glyph.
     */
    public String printable(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised
                .codePoints()
                .forEach(
                        cp -> {
                            if (Character.isWhitespace(cp)
                                    || Character.isSpaceChar(cp)
                                    || Character.isISOControl(cp)) {
                                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                                    out.append(' ');
                                }
                            } else if (awt.canDisplay(cp)) {
                                out.appendCodePoint(cp);
                            } else if (!isModifier(cp)) {
                                out.append('?');
                            }
                        });
        return out.toString().strip();
    }

    private static boolean isModifier(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }
}
