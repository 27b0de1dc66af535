package jp.azukari.scanner.label;

import java.util.Objects;
import jp.azukari.core.label.CounterInput;
import jp.azukari.core.label.LabelPayloadSyntax;
import jp.azukari.core.label.ParsedPayload;

/**
 * What a decoded QR code or a scanned line turned out to be: one of our labels, or something that
 * is not ours.
 */
public sealed interface Reading {

    /** The text exactly as read. */
    String text();

    /**
     * Reads the text as the backend does ({@link CounterInput}): full-width characters, dash
     * look-alikes, lower case, surrounding whitespace and a wedge's CR/LF do not matter.
     */
    static Reading of(String text) {
        Objects.requireNonNull(text, "text");
        String normalised = CounterInput.normalise(text);
        if (LabelPayloadSyntax.parse(normalised) instanceof ParsedPayload.WellFormed label) {
            return new AzukariLabel(text, label);
        }
        return new NotOurs(
                text,
                LabelPayloadSyntax.mentionsFormat(normalised)
                        ? Why.MALFORMED_LABEL
                        : Why.FOREIGN_CODE);
    }

    /** Looks like an Azukari label; whether it is genuine only the server can say. */
    record AzukariLabel(String text, ParsedPayload.WellFormed label) implements Reading {

        /** {@code AZ1:<KEY-ID>:<TAG>:<MAC>}: what the scanner sends to the server. */
        public String canonical() {
            return label.canonical();
        }
    }

    /** Not an Azukari label. Reported to the person at the counter, never silently dropped. */
    record NotOurs(String text, Why why) implements Reading {}

    enum Why {
        /** Some other QR code: a URL, a product code, another system's label. */
        FOREIGN_CODE,
        /** Mentions our format but does not follow it: damaged, truncated or mistyped. */
        MALFORMED_LABEL
    }
}
