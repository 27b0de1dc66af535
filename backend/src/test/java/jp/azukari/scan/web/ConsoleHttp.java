package jp.azukari.scan.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.azukari.support.ApiTestSupport.TestUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The console over plain HTTP, as a browser without JavaScript uses it: signed in through the
 * sign-in form, the session cookie sent with every request, and the CSRF token read from a page
 * before each form is posted.
 */
final class ConsoleHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient client;
    private final String session;

    private ConsoleHttp(WebTestClient client, String session) {
        this.client = client;
        this.session = session;
    }

    static ConsoleHttp signIn(WebTestClient http, TestUser user) {
        var form =
                http.get()
                        .uri("/signin")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .returnResult(String.class);
        String page =
                form.getResponseBody().collectList().block().stream().reduce("", String::concat);
        var pre =
                form.getResponseCookies().values().stream()
                        .flatMap(java.util.List::stream)
                        .toList();
        var post = http.post().uri("/signin").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (ResponseCookie c : pre) {
            post = post.cookie(c.getName(), c.getValue());
        }
        var answer =
                post.body(
                                BodyInserters.fromFormData("username", user.username())
                                        .with("password", user.password())
                                        .with("_csrf", find(FIELD, page))
                                        .with("next", "/"))
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.SEE_OTHER)
                        .returnResult(Void.class);
        ResponseCookie cookie = answer.getResponseCookies().getFirst("azukari_session");
        if (cookie == null) {
            throw new AssertionError("no session cookie after signing in as " + user.username());
        }
        return new ConsoleHttp(http, cookie.getValue());
    }

    WebTestClient.RequestHeadersSpec<?> get(String path, Object... vars) {
        return client.get()
                .uri(path, vars)
                .cookie("azukari_session", session)
                .header("Accept-Language", "ja");
    }

    WebTestClient.RequestBodySpec post(String path) {
        return client.post()
                .uri(path)
                .cookie("azukari_session", session)
                .header("Accept-Language", "ja");
    }

    /** The page's text (any status). */
    String page(String path, Object... vars) {
        return get(path, vars).exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    /** A CSRF token as a page hands it to its forms. */
    String csrf() {
        return find(CSRF, page("/scan"));
    }

    private static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page:\n" + page);
        }
        return m.group(1).replace("&#45;", "-").replace("&#61;", "=");
    }
}
