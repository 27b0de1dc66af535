package jp.azukari.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the application turned down, as a domain type: its kind, a stable slug (the problem's
 * {@code type}), a title, a sentence for the person who asked, and further members of the answer
 * ({@code code}, {@code article}, {@code errors}, {@code refusals}, …). The web edge alone turns it
 * into an RFC 9457 answer.
 */
public class ProblemException extends RuntimeException {

    /**
     * The member that asks the client to wait this many seconds (answered as the Retry-After
     * header, too).
     */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private final ProblemKind kind;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(ProblemKind kind, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
    }

    /** Adds a member to the answer; a null value adds nothing. */
    public ProblemException with(String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
