package jp.azukari.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

    /**
     * A 400 about one field of the request, shaped like a bean-validation failure: the detail names the field and
     * the {@code errors} property lists it, so clients handle both the same way.
     */
    public static ErrorResponseException invalidField(String field, String message) {
        ProblemDetail p = detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Field '" + field + "': " + message);
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
    }

    public static ErrorResponseException conflict(String slug, String detail) {
        return exception(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
