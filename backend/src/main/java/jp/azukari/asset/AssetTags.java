package jp.azukari.asset;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A tag as typed at a counter — full-width characters from a Japanese input mode, lower case, spaces around it,
 * a long dash or a Japanese hyphen — brought to the form tags are stored in (A-2026-000123).
 * (The counter-input normalisation moves to the {@code core} module; this delegates there once it lands.)
 */
public final class AssetTags {

    private AssetTags() {
    }

    public static String normalise(String typed) {
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u30FC', '\uFF70' -> out.append('-');
                case ' ', '\u3000' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
