package jp.azukari.platform.problem;

/**
 * What kind of problem the application met, named as the HTTP status it answers with (the web edge
 * maps it: {@code platform.web.ProblemExceptionHandler}); the application itself knows nothing of
 * HTTP.
 */
public enum ProblemKind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    CONTENT_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNPROCESSABLE_CONTENT,
    TOO_MANY_REQUESTS,
    SERVICE_UNAVAILABLE
}
