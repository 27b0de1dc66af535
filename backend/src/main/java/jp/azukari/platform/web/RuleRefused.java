package jp.azukari.platform.web;

import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.HttpStatus;

/** A request a provision's rule refused: an RFC 9457 problem with {@code code} and {@code article}. */
public final class RuleRefused {

    private RuleRefused() {
    }

    public static ProblemException of(HttpStatus status, String code, String article, String detail) {
        ProblemKind kind = switch (status) {
            case FORBIDDEN -> ProblemKind.FORBIDDEN;
            case CONFLICT -> ProblemKind.CONFLICT;
            case NOT_FOUND -> ProblemKind.NOT_FOUND;
            case UNPROCESSABLE_ENTITY -> ProblemKind.UNPROCESSABLE_CONTENT;
            default -> ProblemKind.BAD_REQUEST;
        };
        ProblemException e = Problems.exception(kind, "rule-refused", "Refused: " + code, detail).with("code", code);
        return article == null ? e : e.with("article", article);
    }
}
