package jp.azukari.scanner.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The counter's words in Japanese or English, from messages_ja.properties (UTF-8) and
 * messages_en.properties.
 */
final class Messages {

    private static final String BUNDLE = "jp.azukari.scanner.cli.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the default locale: English on a Japanese desktop must really be English.
        this.bundle =
                ResourceBundle.getBundle(
                        BUNDLE,
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Messages of(Language language) {
        return new Messages(language.locale());
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }
}
