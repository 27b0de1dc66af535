package jp.azukari.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * The problems of the application, each with a stable {@code type} slug; answered as RFC 9457 at
 * the web edge.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://azukari.jp/problems/";

    private Problems() {}

    public static ProblemException exception(
            ProblemKind kind, String slug, String title, String detail) {
        return new ProblemException(kind, slug, title, detail);
    }

    public static ProblemException notFound(String what) {
        return exception(ProblemKind.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException badRequest(String detail) {
        return exception(ProblemKind.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    /**
     * A 400 about one field of the request, shaped like a bean-validation failure: the detail names
     * the field and the {@code errors} property lists it, so clients handle both the same way.
     */
    public static ProblemException invalidField(String field, String message) {
        return badRequest("Field '" + field + "': " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    public static ProblemException conflict(String slug, String detail) {
        return exception(ProblemKind.CONFLICT, slug, "Conflict", detail);
    }

    /**
     * The code of a refusal by role: the name of {@code
     * custody.domain.RefusalCode.ROLE_NOT_PERMITTED}, written out here so the toolbox does not
     * depend on a feature ({@code ProblemsTests} checks the two agree).
     */
    public static final String ROLE_NOT_PERMITTED = "ROLE_NOT_PERMITTED";

    /** The caller's role (or party) may not do this: a refusal, with its code. */
    public static ProblemException forbidden(String detail) {
        return exception(ProblemKind.FORBIDDEN, "forbidden", "Forbidden", detail)
                .with("code", ROLE_NOT_PERMITTED);
    }
}
