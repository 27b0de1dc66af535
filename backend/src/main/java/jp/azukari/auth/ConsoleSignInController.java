package jp.azukari.auth;

import java.util.HashMap;
import java.util.Map;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.web.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signing in to the console with the same accounts, password check, throttle and lockout as the
 * token API ({@link TokenService#authenticate}), signing out, and choosing the language.
 */
@ConsolePage
class ConsoleSignInController {

    record SignInForm(String username, String password, String next) {}

    private final TokenService tokens;
    private final ConsoleSessions sessions;
    private final ClientAddress clientAddress;

    ConsoleSignInController(
            TokenService tokens,
            ConsoleSessions sessions,
            @org.springframework.beans.factory.annotation.Value(
                            "${azukari.auth.login.trusted-proxies:}")
                    java.util.List<String> trustedProxies) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @GetMapping("/signin")
    Mono<Rendering> form(
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String signedOut,
            ServerWebExchange exchange) {
        return sessions.current(exchange)
                .map(
                        me ->
                                me.isPresent()
                                        ? Rendering.redirectTo(LocalPaths.safe(next)).build()
                                        : page(
                                                HttpStatus.OK,
                                                "",
                                                LocalPaths.safe(next),
                                                expired != null
                                                        ? "signin.expired"
                                                        : signedOut != null
                                                                ? "signin.signedOut"
                                                                : null,
                                                null));
    }

    @PostMapping("/signin")
    Mono<Rendering> signIn(@ModelAttribute SignInForm form, ServerWebExchange exchange) {
        String username = form.username() == null ? "" : form.username().strip();
        String next = LocalPaths.safe(form.next());
        if (username.isEmpty()
                || form.password() == null
                || form.password().isEmpty()
                || username.length() > 128
                || form.password().length() > 1024) {
            return Mono.just(
                    page(HttpStatus.BAD_REQUEST, username, next, null, "signin.error.missing"));
        }
        return tokens.authenticate(
                        username, form.password(), clientAddress.of(exchange.getRequest()))
                .map(Accounts.Account::actor)
                .flatMap(
                        actor ->
                                sessions.start(actor.userId())
                                        .flatMap(
                                                token ->
                                                        sessions.resolve(token)
                                                                .map(
                                                                        user -> {
                                                                            ConsoleCookies.write(
                                                                                    exchange,
                                                                                    ConsoleCookies
                                                                                            .SESSION,
                                                                                    token,
                                                                                    sessions
                                                                                            .maxAge());
                                                                            ConsoleCookies
                                                                                    .writeLanguage(
                                                                                            exchange,
                                                                                            user
                                                                                                    .locale());
                                                                            return Rendering
                                                                                    .redirectTo(
                                                                                            next)
                                                                                    .build();
                                                                        })))
                .onErrorResume(ProblemException.class, e -> Mono.just(refused(e, username, next)));
    }

    @PostMapping("/signout")
    Mono<Rendering> signOut(ServerWebExchange exchange) {
        return sessions.end(ConsoleCookies.read(exchange, ConsoleCookies.SESSION))
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    ConsoleCookies.clear(exchange, ConsoleCookies.SESSION);
                                    return Rendering.redirectTo("/signin?signedOut=1").build();
                                }));
    }

    /**
     * The language switch: remembered on the user when signed in, and in this browser for the
     * sign-in page.
     */
    @PostMapping("/language")
    Mono<Rendering> language(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        form -> {
                            String chosen = "en".equals(form.getFirst("lang")) ? "en" : "ja";
                            ConsoleCookies.writeLanguage(exchange, chosen);
                            return sessions.current(exchange)
                                    .flatMap(
                                            me ->
                                                    me.map(
                                                                    user ->
                                                                            sessions.rememberLocale(
                                                                                    user.actor()
                                                                                            .userId(),
                                                                                    chosen))
                                                            .orElse(Mono.empty()))
                                    .thenReturn(
                                            Rendering.redirectTo(
                                                            LocalPaths.safe(form.getFirst("next")))
                                                    .build());
                        });
    }

    private Rendering refused(ProblemException e, String username, String next) {
        if (e.kind() == ProblemKind.TOO_MANY_REQUESTS) {
            Object retry = e.properties().get(ProblemException.RETRY_AFTER);
            long minutes =
                    retry == null
                            ? 1
                            : Math.max(1, (Long.parseLong(String.valueOf(retry)) + 59) / 60);
            Rendering.Builder<?> b =
                    Rendering.view("console/signin")
                            .status(HttpStatus.TOO_MANY_REQUESTS)
                            .model(model(username, next, null, "signin.error.locked"));
            return b.modelAttribute("lockedMinutes", minutes).build();
        }
        return page(HttpStatus.UNAUTHORIZED, username, next, null, "signin.error.invalid");
    }

    private static Rendering page(
            HttpStatus status, String username, String next, String notice, String error) {
        return Rendering.view("console/signin")
                .status(status)
                .model(model(username, next, notice, error))
                .build();
    }

    private static Map<String, Object> model(
            String username, String next, String notice, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", username);
        model.put("next", next);
        model.put("notice", notice == null ? "" : notice);
        model.put("error", error == null ? "" : error);
        model.put("lockedMinutes", 0L);
        return model;
    }
}
