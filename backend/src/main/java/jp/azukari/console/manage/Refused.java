package jp.azukari.console.manage;

import java.util.Map;

import jp.azukari.custody.CustodyRefusedException;
import org.springframework.web.ErrorResponseException;

/**
 * What a service answered when it refused a form, for the page to show beside the form: the rule's code (a message
 * key {@code refused.<code>} in the page's language when there is one), the problem's own detail, and its extra
 * properties (e.g. the outstanding assets of a refused close) exactly as the API gives them.
 */
public record Refused(int status, String code, String detail, Map<String, Object> properties) {

    public static Refused of(ErrorResponseException e) {
        String code = e instanceof CustodyRefusedException r ? r.first().code().name() : slug(e);
        Map<String, Object> props = e.getBody().getProperties();
        return new Refused(e.getStatusCode().value(), code, e.getBody().getDetail(), props == null ? Map.of() : props);
    }

    /** The last part of the problem's type, e.g. {@code approval-already-decided}. */
    private static String slug(ErrorResponseException e) {
        String type = String.valueOf(e.getBody().getType());
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public Object property(String name) {
        return properties.get(name);
    }
}
