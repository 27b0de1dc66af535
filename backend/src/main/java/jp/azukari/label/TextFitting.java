package jp.azukari.label;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Fits text into a width: shortened with an ellipsis, or broken into a few lines. Never wider than
 * asked.
 */
final class TextFitting {

    static final String ELLIPSIS = "…";
    // Japanese line-breaking rules (kinsoku): closing marks and small kana never start a line,
    // opening ones never end it
    private static final String NO_LINE_START =
            "、。，．・：；？！ー～）」』】〕〉》］｝,.:;?!)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々";
    private static final String NO_LINE_END = "（「『【〔〈《［｛([{";

    private TextFitting() {}

    /**
     * The text itself when it fits, else its longest prefix that fits with an ellipsis after it
     * (maybe just "…").
     */
    static String ellipsize(String text, double maxWidth, ToDoubleFunction<String> width) {
        if (width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        int codePoints = text.codePointCount(0, text.length());
        int low = 0;
        int high = codePoints - 1;
        // binary search for the longest prefix that still fits once the ellipsis is added
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (width.applyAsDouble(withEllipsis(prefix(text, mid))) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        String shortened = withEllipsis(prefix(text, low));
        return width.applyAsDouble(shortened) <= maxWidth ? shortened : "";
    }

    /**
     * At most {@code maxLines} lines, each fitting; the last one ellipsised when text is left over.
     */
    static List<String> wrap(
            String text, double maxWidth, int maxLines, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()
                && lines.size() < maxLines - 1
                && width.applyAsDouble(rest) > maxWidth) {
            int fits = longestFittingPrefix(rest, maxWidth, width);
            if (fits == 0) {
                break;
            }
            int cut = breakPoint(rest, fits);
            lines.add(prefix(rest, cut).stripTrailing());
            rest = rest.substring(rest.offsetByCodePoints(0, cut)).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(ellipsize(rest, maxWidth, width));
        }
        lines.removeIf(String::isEmpty);
        return lines;
    }

    private static int longestFittingPrefix(
            String text, double maxWidth, ToDoubleFunction<String> width) {
        int low = 0;
        int high = text.codePointCount(0, text.length());
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (width.applyAsDouble(prefix(text, mid)) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * Where to end a line of at most {@code fits} code points: a Latin word that would be cut goes
     * whole to the next line (unless it fills the line alone); then the kinsoku rules move the
     * break back a character or two.
     */
    private static int breakPoint(String text, int fits) {
        int[] cps = text.codePoints().limit(fits + 1L).toArray();
        int cut = fits;
        int before;
        do { // each rule only moves the break back, so this settles in a step or two
            before = cut;
            cut = beforeWord(cps, cut);
            while (cut > 1 && cut < cps.length && NO_LINE_START.indexOf(cps[cut]) >= 0) {
                cut--;
            }
            while (cut > 1 && NO_LINE_END.indexOf(cps[cut - 1]) >= 0) {
                cut--;
            }
        } while (cut != before);
        return cut;
    }

    /**
     * The start of the Latin word the break would cut, or the break itself when it cuts none or the
     * word fills the line.
     */
    private static int beforeWord(int[] cps, int cut) {
        if (cut >= cps.length || !isWordChar(cps[cut]) || !isWordChar(cps[cut - 1])) {
            return cut;
        }
        int wordStart = cut - 1;
        while (wordStart > 0 && isWordChar(cps[wordStart - 1])) {
            wordStart--;
        }
        return wordStart > 0 ? wordStart : cut;
    }

    /**
     * Part of a Latin word or code such as "CD-R", "v2.1" or "PF-3KZ9Q", which is not broken
     * inside.
     */
    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || "-./_'".indexOf(cp) >= 0);
    }

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static String withEllipsis(String prefix) {
        return prefix.stripTrailing() + ELLIPSIS;
    }
}
