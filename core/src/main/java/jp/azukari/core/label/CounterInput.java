package jp.azukari.core.label;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Tags and label payloads as people and devices enter them, made into the text the grammar reads.
 * One rule for every entry point (tag lookups, label resolves, scans, the scanner app's keyboard
 * wedge, files and camera):
 *
 * <ul>
 *   <li>NFKC, so the full-width letters, digits and signs of a Japanese input mode become ASCII
 *       ({@code ＡＺ１：} → {@code AZ1:}, the ideographic space → a space);
 *   <li>the look-alikes of {@code -} that an IME or a word processor produces ({@code ー − ‐ ‑ ‒ – —
 *       ―} …) become {@code -}: no tag or payload holds any of them, so each can only have meant
 *       the hyphen;
 *   <li>whitespace, CR/LF (keyboard wedges end a scan with them) and invisible marks around the
 *       text go;
 *   <li>upper case: tags and payloads are upper case, and phone cameras and some wedges lower-case
 *       what they read, the base URL of the URL form included; the whole text is upper-cased, so
 *       the payload part after {@code /L/} is too.
 * </ul>
 *
 * Nothing else is changed: a text that is not a label stays not a label, a forged one stays forged.
 */
public final class CounterInput {

    /**
     * Dash look-alikes that NFKC leaves alone (full-width and small hyphen-minus NFKC already turns
     * into '-').
     */
    private static final String DASHES =
            "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u02D7\u2796\u2500\u2501"
                    + "\u30FC\uFF70\uFE58\uFE63\uFF0D";

    /** Invisible marks a copy and paste brings along. */
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF";

    private CounterInput() {}

    /** The text as the grammar reads it; {@code null} is the empty text. */
    public static String normalise(String asEntered) {
        if (asEntered == null || asEntered.isEmpty()) {
            return "";
        }
        String text = asEntered;
        if (!isPlainAscii(text)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(DASHES.indexOf(c) >= 0 ? '-' : c);
            }
            text = out.toString();
        }
        return strip(text).toUpperCase(Locale.ROOT);
    }

    /** A payload as entered, parsed after {@link #normalise}. */
    public static ParsedPayload payload(String asEntered) {
        return LabelPayloadSyntax.parse(normalise(asEntered));
    }

    /**
     * The canonical payload {@code AZ1:…} when the entered text is a label in either form, else the
     * normalised text.
     */
    public static String canonicalPayload(String asEntered) {
        String normalised = normalise(asEntered);
        return LabelPayloadSyntax.parse(normalised) instanceof ParsedPayload.WellFormed label
                ? label.canonical()
                : normalised;
    }

    /**
     * A tag as entered (typed at a counter, or a query parameter), in the form {@link Tags} reads.
     */
    public static String tag(String asEntered) {
        return normalise(asEntered);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSurrounding(text.charAt(start))) {
            start++;
        }
        while (end > start && isSurrounding(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSurrounding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || INVISIBLE.indexOf(c) >= 0;
    }
}
