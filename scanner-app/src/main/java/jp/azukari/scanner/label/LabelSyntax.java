package jp.azukari.scanner.label;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The payload syntax of docs/contracts.md: canonical {@code AZ1:KEY:TAG:MAC}, or an upper-case URL ending in /L/ and it. */
final class LabelSyntax {

    static final String VERSION = "AZ1";

    private static final String CANONICAL =
            VERSION + ":(?<key>[A-Z2-7]{4}):(?<tag>[A-Z0-9][A-Z0-9./\\-]{0,39}):(?<mac>[A-Z2-7]{12})";

    private static final Pattern CANONICAL_FORM = Pattern.compile(CANONICAL);

    /** The upper-cased base URL of the URL form, in QR alphanumeric characters. */
    private static final Pattern BASE_URL = Pattern.compile("HTTPS?://[0-9A-Z$%*+./:\\-]+");

    private static final String URL_MARK = "/L/" + VERSION + ":";

    private LabelSyntax() {
    }

    /**
     * The canonical part of the URL form starts at the first "/L/AZ1:" (as the backend reads it): a tag may contain
     * "/L/", even "X/L/AZ1", but never ":", so that is always where the canonical part begins.
     */
    static Optional<Label> parse(String text) {
        Matcher canonical = CANONICAL_FORM.matcher(text);
        if (canonical.matches()) {
            return Optional.of(labelFrom(canonical));
        }
        int mark = text.indexOf(URL_MARK);
        if (mark > 0 && BASE_URL.matcher(text.substring(0, mark)).matches()) {
            Matcher afterMark = CANONICAL_FORM.matcher(text.substring(mark + "/L/".length()));
            if (afterMark.matches()) {
                return Optional.of(labelFrom(afterMark));
            }
        }
        return Optional.empty();
    }

    /** A text that mentions the format but does not parse: a damaged, truncated or mistyped label. */
    static boolean looksLikeAttempt(String text) {
        return text.contains(VERSION + ":");
    }

    private static Label labelFrom(Matcher matched) {
        return new Label(matched.group("key"), matched.group("tag"), matched.group("mac"));
    }
}
