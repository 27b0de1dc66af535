package jp.azukari.core.label;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The syntax of a label payload (docs/contracts.md): {@code AZ1:<KEY-ID>:<TAG>:<MAC>}, or the same
 * after {@code <BASE-URL>/L/}. Strict on purpose: only QR alphanumeric characters, no lower case,
 * nothing extra; text as a person or a scanner produced it goes through {@link CounterInput} first.
 * Needs no key, so a client without one can tell an Azukari label from any other QR code; only the
 * backend, which holds the keys, checks the MAC.
 */
public final class LabelPayloadSyntax {

    public static final String FORMAT = "AZ1";
    public static final int MAX_LENGTH = 200;
    public static final String SEPARATOR = ":";

    /** RFC 4648 base32: the alphabet of key ids and MACs. */
    public static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static final int KEY_ID_LENGTH = 4;

    /**
     * A key id as a regular expression, for a path variable's validation (an annotation needs a
     * constant; {@code LabelPayloadSyntaxTests} checks it agrees with {@link #isKeyId}).
     */
    public static final String KEY_ID_REGEX = "[A-Z2-7]{4}";

    public static final int MAC_LENGTH = 12;
    public static final String URL_PATH = "/L/";
    private static final String PREFIX = FORMAT + SEPARATOR;

    /** {@code AZ1:} + key id + {@code :} + a 40-character tag + {@code :} + MAC. */
    private static final int MAX_CANONICAL_LENGTH =
            PREFIX.length() + KEY_ID_LENGTH + 1 + Tags.MAX_LENGTH + 1 + MAC_LENGTH;

    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final Pattern BASE_URL = Pattern.compile("HTTPS?://[A-Z0-9$%*+\\-.:/]+");

    private LabelPayloadSyntax() {}

    public static boolean isQrAlphanumeric(String text) {
        return text.chars().allMatch(c -> QR_ALPHANUMERIC.indexOf(c) >= 0);
    }

    public static boolean isKeyId(String candidate) {
        return candidate != null && candidate.length() == KEY_ID_LENGTH && isBase32(candidate);
    }

    private static boolean isBase32(String text) {
        return text.chars().allMatch(c -> BASE32_ALPHABET.indexOf(c) >= 0);
    }

    /** What the MAC signs: {@code AZ1:<KEY-ID>:<TAG>}. */
    public static String signedPart(String keyId, String tag) {
        return PREFIX + keyId + SEPARATOR + tag;
    }

    /**
     * A text that mentions the format: when it does not parse, a damaged, truncated or mistyped
     * label.
     */
    public static boolean mentionsFormat(String text) {
        return text != null && text.contains(PREFIX);
    }

    /**
     * A configured base URL as labels print it: upper-cased, without a trailing slash, and short
     * enough that the URL form of the longest tag stays within {@value #MAX_LENGTH} characters.
     */
    public static String normaliseBaseUrl(String baseUrl) {
        String base = baseUrl.strip().toUpperCase(Locale.ROOT);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!BASE_URL.matcher(base).matches()) {
            throw new IllegalArgumentException(
                    "a label base URL is http(s):// and QR alphanumeric characters: " + baseUrl);
        }
        if (base.length() + URL_PATH.length() + MAX_CANONICAL_LENGTH > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a label base URL has at most "
                            + (MAX_LENGTH - URL_PATH.length() - MAX_CANONICAL_LENGTH)
                            + " characters: "
                            + baseUrl);
        }
        return base;
    }

    /**
     * The URL a phone camera opens: the normalised base URL, {@code /L/}, the canonical payload.
     */
    public static String urlForm(String normalisedBaseUrl, String canonical) {
        return normalisedBaseUrl + URL_PATH + canonical;
    }

    public static ParsedPayload parse(String payload) {
        if (payload == null || payload.isEmpty()) {
            return new ParsedPayload.Rejected("empty");
        }
        if (payload.length() > MAX_LENGTH) {
            return new ParsedPayload.Rejected("longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (QR_ALPHANUMERIC.indexOf(c) < 0) {
                String what =
                        Character.isLowerCase(c)
                                ? "a lower-case letter"
                                : "a character outside the QR alphanumeric set";
                return new ParsedPayload.Rejected(what + " at position " + (i + 1));
            }
        }
        if (payload.startsWith(PREFIX)) {
            return parseCanonical(payload);
        }
        // A tag may itself hold "/L/" but never ":", so the first "/L/AZ1:" starts the canonical
        // part.
        int start = payload.indexOf(URL_PATH + PREFIX);
        if (start < 0) {
            return new ParsedPayload.Rejected(
                    "does not start with " + PREFIX + " and has no " + URL_PATH + PREFIX);
        }
        if (!BASE_URL.matcher(payload.substring(0, start)).matches()) {
            return new ParsedPayload.Rejected(
                    "the part before " + URL_PATH + " is not an http(s) URL");
        }
        return parseCanonical(payload.substring(start + URL_PATH.length()));
    }

    private static ParsedPayload parseCanonical(String canonical) {
        String[] parts = canonical.split(SEPARATOR, -1);
        if (parts.length != 4) {
            return new ParsedPayload.Rejected(
                    "expected 4 parts separated by ':', found " + parts.length);
        }
        if (!isKeyId(parts[1])) {
            return new ParsedPayload.Rejected(
                    "the key id is not " + KEY_ID_LENGTH + " characters of A-Z and 2-7");
        }
        if (!Tags.isTag(parts[2])) {
            return new ParsedPayload.Rejected(
                    "the tag is not 1-40 characters of A-Z, 0-9, '.', '-', '/' starting with A-Z or 0-9");
        }
        if (parts[3].length() != MAC_LENGTH || !isBase32(parts[3])) {
            return new ParsedPayload.Rejected(
                    "the MAC is not " + MAC_LENGTH + " characters of A-Z and 2-7");
        }
        return new ParsedPayload.WellFormed(parts[1], parts[2], parts[3]);
    }
}
