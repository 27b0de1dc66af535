package jp.azukari.publication;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Art. 10: what a publishable incident summary may not contain. Checked after NFKC normalisation
 * (full-width letters and digits fold to ASCII), case-insensitively: e-mail addresses, telephone
 * numbers (Japanese forms, with or without hyphens, +81), 12-digit individual numbers (マイナンバー),
 * postal codes written with 〒, and the names and usernames of the people involved (given by the
 * caller). Pure.
 */
public final class PublicationRules {

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{Alnum}._%+-]+@[\\p{Alnum}-]+(\\.[\\p{Alnum}-]+)+");
    private static final Pattern PHONE =
            Pattern.compile("(\\+81[- ]?|\\b0)\\d{1,4}[- ]?\\d{1,4}[- ]?\\d{3,4}\\b");
    private static final Pattern INDIVIDUAL_NUMBER =
            Pattern.compile("(?<!\\d)\\d{4}[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    private static final Pattern POSTAL = Pattern.compile("〒\\s*\\d{3}-?\\d{4}");

    private PublicationRules() {}

    /** Why the summary may not be published, or empty. */
    public static Optional<String> personalData(String summary, Collection<String> names) {
        String text = fold(summary);
        if (EMAIL.matcher(text).find()) {
            return Optional.of("The summary contains an e-mail address");
        }
        if (INDIVIDUAL_NUMBER.matcher(text).find()) {
            return Optional.of("The summary contains a 12-digit number (an individual number?)");
        }
        if (PHONE.matcher(text).find()) {
            return Optional.of("The summary contains a telephone number");
        }
        if (POSTAL.matcher(text).find()) {
            return Optional.of("The summary contains a postal code");
        }
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String n = fold(name).strip();
            if (n.length() >= 2 && text.contains(n)) {
                return Optional.of("The summary names a person involved in the incident");
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        // the dash look-alikes of a Japanese input mode become '-'
        return Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replaceAll("[‐‑‒–—―−ー－]", "-")
                .toLowerCase(Locale.ROOT);
    }
}
