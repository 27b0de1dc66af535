package jp.azukari.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request a provision's rule refused: an RFC 9457 problem with {@code code} and {@code article}. */
public final class RuleRefused {

    private RuleRefused() {
    }

    public static ErrorResponseException of(HttpStatus status, String code, String article, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(Problems.TYPE_BASE + "rule-refused"));
        p.setTitle("Refused: " + code);
        p.setProperty("code", code);
        if (article != null) {
            p.setProperty("article", article);
        }
        return new ErrorResponseException(status, p, null);
    }
}
