package jp.azukari.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns a Jackson failure while reading a request body into words a client can act on: where the
 * JSON breaks, which field has a value of the wrong kind, and what it accepts. Never echoes Java
 * class names.
 */
final class JsonBodyProblems {

    private static final int MAX_ECHO = 120;

    private JsonBodyProblems() {}

    /** One field's problem, or the whole body's problem when {@code field} is null. */
    record Finding(String field, String message) {

        String detail() {
            return field == null ? message : "Field '" + field + "': " + message;
        }

        Map<String, String> asError() {
            return Map.of("field", field == null ? "" : field, "message", message);
        }
    }

    static Finding describe(JacksonException ex) {
        String field = path(ex);
        if (ex instanceof InputCoercionException coercion) {
            return new Finding(field, "is out of range for " + expected(coercion.getTargetType()));
        }
        if (ex instanceof StreamReadException) {
            return new Finding(null, syntax(ex));
        }
        if (ex instanceof InvalidFormatException invalid
                && invalid.getValue() instanceof String text
                && RefusedText.contains(text)) {
            return new Finding(field, RefusedText.REASON);
        }
        if (ex instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new Finding(
                    field,
                    "'"
                            + echo(invalid.getValue())
                            + "' is not one of "
                            + enumValues(invalid.getTargetType()));
        }
        if (ex instanceof InvalidFormatException invalid) {
            return new Finding(
                    field,
                    "'"
                            + echo(invalid.getValue())
                            + "' is not "
                            + expected(invalid.getTargetType()));
        }
        if (ex instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            if (field == null) {
                return new Finding(null, "Request body must be " + expected(target));
            }
            if (target != null && target.isEnum()) {
                return new Finding(field, "must be one of " + enumValues(target));
            }
            return new Finding(field, "must be " + expected(target));
        }
        if (ex instanceof ValueInstantiationException) {
            return new Finding(field, "has a value that cannot be used here");
        }
        return new Finding(field, "could not be read");
    }

    private static String syntax(JacksonException ex) {
        TokenStreamLocation at = ex.getLocation();
        String where =
                at != null && at.getLineNr() > 0
                        ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        : "";
        String why = ex.getOriginalMessage();
        if (why != null) {
            // Jackson's messages may span lines and quote the input; keep the first line, bounded
            why = why.lines().findFirst().orElse("").trim();
            if (why.length() > 200) {
                why = why.substring(0, 200) + "…";
            }
        }
        return "Request body is not valid JSON"
                + where
                + (why == null || why.isEmpty() ? "" : ": " + why);
    }

    private static String path(JacksonException ex) {
        List<JacksonException.Reference> refs = ex.getPath();
        if (refs == null || refs.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO-8601 instant (e.g. 2026-11-25T09:30:00Z)";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String echo(Object value) {
        String s = String.valueOf(value);
        return s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "…" : s;
    }
}
