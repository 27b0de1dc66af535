package jp.azukari.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * The answers to a request that could not be read or did not validate: a 400 whose detail names
 * precisely the field, parameter or header and what was wrong with it (and {@code errors} lists the
 * fields), or a 413 that names the limit. Built here, answered by {@link ProblemExceptionHandler}.
 */
final class RequestProblems {

    private static final String SLUG = "invalid-request";
    private static final String TITLE = "Invalid request";

    private RequestProblems() {}

    /** A body, parameter or header that could not be read (the body's size is checked before). */
    static ProblemDetail unreadable(ServerWebInputException ex) {
        JacksonException json = causedBy(ex, JacksonException.class);
        if (json != null) {
            JsonBodyProblems.Finding finding = JsonBodyProblems.describe(json);
            ProblemDetail p = badRequest(finding.detail());
            if (finding.field() != null) {
                p.setProperty("errors", List.of(finding.asError()));
            }
            return p;
        }
        TypeMismatchException mismatch = causedBy(ex, TypeMismatchException.class);
        if (mismatch != null) {
            return badRequest(typeMismatch(ex.getMethodParameter(), mismatch));
        }
        if (ex.getReason() != null && ex.getReason().startsWith("No request body")) {
            return badRequest("Request body is missing");
        }
        if (causedBy(ex, DecodingException.class) != null) {
            return badRequest("Request body could not be read as JSON");
        }
        return badRequest(
                ex.getBody().getDetail() != null ? ex.getBody().getDetail() : "Invalid request");
    }

    /** A request body whose fields failed bean validation. */
    static ProblemDetail invalidBody(WebExchangeBindException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ObjectError error : ex.getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : "";
            errors.add(error(field, error.getDefaultMessage()));
        }
        return invalid(errors);
    }

    /** Method parameters (path variables, query parameters) that failed validation. */
    static ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(
                        result -> {
                            String name = parameterName(result.getMethodParameter());
                            result.getResolvableErrors()
                                    .forEach(e -> errors.add(error(name, e.getDefaultMessage())));
                        });
        ex.getCrossParameterValidationResults()
                .forEach(e -> errors.add(error("", e.getDefaultMessage())));
        return invalid(errors);
    }

    static ProblemDetail invalid(List<Map<String, String>> errors) {
        StringBuilder detail =
                new StringBuilder(
                        errors.size() == 1
                                ? "1 field is invalid: "
                                : errors.size() + " fields are invalid: ");
        for (int i = 0; i < errors.size(); i++) {
            Map<String, String> e = errors.get(i);
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(e.get("field").isEmpty() ? "" : e.get("field") + " ")
                    .append(e.get("message"));
        }
        ProblemDetail p = badRequest(detail.toString());
        p.setProperty("errors", errors);
        return p;
    }

    static ProblemDetail badRequest(String detail) {
        return ProblemAnswers.problem(HttpStatus.BAD_REQUEST, SLUG, TITLE, detail);
    }

    static ProblemDetail tooLarge(long limitBytes) {
        return ProblemAnswers.problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Request body too large",
                tooLargeDetail(limitBytes));
    }

    static String tooLargeDetail(long limitBytes) {
        String size =
                limitBytes >= 1024 * 1024 && limitBytes % (1024 * 1024) == 0
                        ? limitBytes / (1024 * 1024) + " MB"
                        : limitBytes >= 1024 && limitBytes % 1024 == 0
                                ? limitBytes / 1024 + " KB"
                                : limitBytes + " bytes";
        return "Request body is larger than this service accepts (at most " + size + ")";
    }

    static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", String.valueOf(message));
    }

    private static String typeMismatch(MethodParameter parameter, TypeMismatchException mismatch) {
        String name = parameter != null ? parameterName(parameter) : mismatch.getPropertyName();
        String kind = "parameter";
        if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
            kind = "path variable";
        } else if (parameter != null && parameter.hasParameterAnnotation(RequestParam.class)) {
            kind = "query parameter";
        } else if (parameter != null && parameter.hasParameterAnnotation(RequestHeader.class)) {
            kind = "header";
        }
        Class<?> type = mismatch.getRequiredType();
        String value = String.valueOf(mismatch.getValue());
        if (value.length() > 80) {
            value = value.substring(0, 80) + "…";
        }
        return "The "
                + kind
                + " '"
                + (name == null ? "?" : name)
                + "' must be "
                + JsonBodyProblems.expected(type)
                + ", not '"
                + value
                + "'";
    }

    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.value().isEmpty()) {
            return path.value();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        String name = parameter.getParameterName();
        return name == null ? "" : name;
    }
}
