package jp.azukari.core.label;

import java.util.regex.Pattern;

/**
 * The asset tag rule shared by every part of Azukari (docs/contracts.md): 1 to 40 characters of
 * {@code A-Z}, {@code 0-9}, {@code .}, {@code -}, {@code /}, starting with a letter or a digit. The
 * database's CHECK constraint on {@code asset.tag} says the same (a test compares them).
 */
public final class Tags {

    public static final int MAX_LENGTH = 40;

    /** The rule as a regular expression; also usable in a Bean Validation {@code @Pattern}. */
    public static final String REGEX = "[A-Z0-9][A-Z0-9.\\-/]{0,39}";

    public static final Pattern PATTERN = Pattern.compile(REGEX);

    private Tags() {}

    public static boolean isTag(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
