package jp.azukari.scanner.cli;

import java.util.Locale;

/** The language of the counter's lines: {@code --lang}, or else the system's. */
enum Language {
    ja(Locale.JAPANESE),
    en(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    static Language of(Language chosen, Locale system) {
        if (chosen != null) {
            return chosen;
        }
        return Locale.JAPANESE.getLanguage().equals(system.getLanguage()) ? ja : en;
    }
}
