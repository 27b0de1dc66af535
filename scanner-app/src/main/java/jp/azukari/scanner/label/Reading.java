package jp.azukari.scanner.label;

import java.util.Objects;

/** What a decoded QR code or a scanned line turned out to be: one of our labels, or something that is not ours. */
public sealed interface Reading {

    /** The text exactly as read. */
    String text();

    static Reading of(String text) {
        Objects.requireNonNull(text, "text");
        return LabelSyntax.parse(text)
                .<Reading>map(label -> new AzukariLabel(text, label))
                .orElseGet(() -> new NotOurs(text, LabelSyntax.looksLikeAttempt(text) ? Why.MALFORMED_LABEL : Why.FOREIGN_CODE));
    }

    /** Looks like an Azukari label; whether it is genuine only the server can say. */
    record AzukariLabel(String text, Label label) implements Reading {

        public String canonical() {
            return label.canonical();
        }
    }

    /** Not an Azukari label. Reported to the person at the counter, never silently dropped. */
    record NotOurs(String text, Why why) implements Reading {
    }

    enum Why {
        /** Some other QR code: a URL, a product code, another system's label. */
        FOREIGN_CODE,
        /** Mentions our format but does not follow it: damaged, truncated or mistyped. */
        MALFORMED_LABEL
    }
}
