package jp.azukari.platform.problem;

/**
 * A request a provision's rule refused: an RFC 9457 problem with {@code code} and {@code article}.
 */
public final class RuleRefused {

    private RuleRefused() {}

    public static ProblemException of(
            ProblemKind kind, String code, String article, String detail) {
        ProblemException e =
                Problems.exception(kind, "rule-refused", "Refused: " + code, detail)
                        .with("code", code);
        return article == null ? e : e.with("article", article);
    }
}
