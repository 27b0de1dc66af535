package jp.azukari.console.manage;

import java.util.Map;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * What a service answered when it refused a form, for the page to show beside the form: the rule's
 * code (a message key {@code refused.<code>} in the page's language when there is one), the
 * problem's own detail, and its extra properties (e.g. the outstanding assets of a refused close)
 * exactly as the API gives them.
 */
public record Refused(int status, String code, String detail, Map<String, Object> properties) {

    public static Refused of(ProblemException e) {
        String code = e instanceof CustodyRefusedException r ? r.first().code().name() : e.slug();
        return new Refused(status(e), code, e.detail(), e.properties());
    }

    /**
     * The HTTP status the API answers this problem with (a problem kind is named as its status).
     */
    public static int status(ProblemException e) {
        return HttpStatus.valueOf(e.kind().name()).value();
    }

    public Object property(String name) {
        return properties.get(name);
    }
}
