package jp.azukari.custody.domain;

import java.util.Objects;

/**
 * A custody action the rules refused, with the code, the article and a sentence for the person who
 * tried.
 */
public record Refusal(RefusalCode code, String detail) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        detail = detail == null || detail.isBlank() ? code.rule() : detail;
    }

    public static Refusal of(RefusalCode code) {
        return new Refusal(code, code.rule());
    }

    public String article() {
        return code.article();
    }
}
