package jp.azukari.platform.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import jp.azukari.platform.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A console form that asks a service for something (an approval, an incident report): what the page
 * shows besides its choices — the values typed, the errors found (message keys), the id of what was
 * just sent, the service's refusal — and how a submit is answered. The service took it: a redirect
 * back to the form saying so. The service refused: the form again, in the refusal's status, with
 * its sentence. Not found and forbidden go on to the console's 404 and 403 pages.
 */
public record RequestForm(
        HttpStatus status,
        Map<String, String> values,
        List<String> errors,
        String sent,
        String refused) {

    /** An empty form, saying what was sent last (the {@code sent} parameter) when anything was. */
    public static RequestForm blank(String sent) {
        return new RequestForm(HttpStatus.OK, Map.of(), List.of(), sent == null ? "" : sent, "");
    }

    /** The form as typed, with what is wrong with it. */
    public static RequestForm invalid(MultiValueMap<String, String> form, List<String> errors) {
        return new RequestForm(HttpStatus.BAD_REQUEST, form.toSingleValueMap(), errors, "", "");
    }

    /** The page's model: its choices, and the form's values, errors, sent and refusal. */
    public Map<String, Object> model(Map<String, Object> choices) {
        Map<String, Object> model = new HashMap<>(choices);
        model.put("values", values);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("refused", refused);
        return model;
    }

    /**
     * @param sent the id of what the service made, or its refusal
     * @param path the form's path, where the answer leads with {@code ?sent=<id>}
     * @param page renders the form in a state
     */
    public static Mono<Rendering> submit(
            Mono<UUID> sent,
            String path,
            MultiValueMap<String, String> form,
            Function<RequestForm, Mono<Rendering>> page) {
        return sent.map(id -> Rendering.redirectTo(path + "?sent=" + id).build())
                .onErrorResume(
                        ProblemException.class,
                        e -> {
                            HttpStatus status = HttpStatus.valueOf(e.kind().name());
                            return status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN
                                    ? Mono.error(e)
                                    : page.apply(
                                            new RequestForm(
                                                    status,
                                                    form.toSingleValueMap(),
                                                    List.of(),
                                                    "",
                                                    String.valueOf(e.detail())));
                        });
    }

    /** A field's text without surrounding white space; empty when absent. */
    public static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The distinct ids given in a repeated field; what is not an id is passed over. */
    public static List<UUID> ids(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null
                ? List.of()
                : values.stream()
                        .map(RequestForm::uuid)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
    }

    /** An id, or null when absent or not an id. */
    public static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
