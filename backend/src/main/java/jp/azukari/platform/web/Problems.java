package jp.azukari.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem responses with a stable {@code type} per kind of problem. */
public final class Problems {

    public static final String TYPE_BASE = "https://azukari.jp/problems/";

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + slug));
        p.setTitle(title);
        return p;
    }

    public static ErrorResponseException exception(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, detail(status, slug, title, detail), null);
    }

    public static ErrorResponseException notFound(String what) {
        return exception(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static ErrorResponseException badRequest(String detail) {
        return exception(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ErrorResponseException conflict(String slug, String detail) {
        return exception(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
