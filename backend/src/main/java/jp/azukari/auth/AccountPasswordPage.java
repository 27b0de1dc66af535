package jp.azukari.auth;

import java.util.List;
import jp.azukari.common.Actor;
import jp.azukari.platform.console.ConsolePage;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /account/password}: every signed-in user changes their own password here, and a user whose
 * password an administrator set is held here until they have ({@link PasswordChangeFilter}). The
 * browser keeps a new session; every other one of the user ends.
 */
@ConsolePage
class AccountPasswordPage {

    private static final String VIEW = "console/account/password";

    private final PasswordChanges changes;
    private final ConsoleSessions sessions;
    private final ClientAddress clientAddress;

    AccountPasswordPage(
            PasswordChanges changes,
            ConsoleSessions sessions,
            @Value("${azukari.auth.login.trusted-proxies:}") List<String> trustedProxies) {
        this.changes = changes;
        this.sessions = sessions;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @GetMapping("/account/password")
    Mono<Rendering> page(
            @RequestParam(required = false) String changed, ServerWebExchange exchange) {
        return required(exchange)
                .map(
                        required ->
                                Rendering.view(VIEW)
                                        .modelAttribute("required", required)
                                        .modelAttribute("changed", changed != null && !required)
                                        .modelAttribute("problem", "")
                                        .build());
    }

    @PostMapping("/account/password")
    Mono<Rendering> change(@AuthenticationPrincipal Actor actor, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(
                        f -> {
                            String current = f.getFirst("currentPassword");
                            String next = f.getFirst("newPassword");
                            if (next == null || !next.equals(f.getFirst("confirmPassword"))) {
                                return refused(exchange, "account.error.confirm");
                            }
                            return changes.change(
                                            actor,
                                            current,
                                            next,
                                            clientAddress.of(exchange.getRequest()))
                                    .then(sessions.start(actor.userId()))
                                    .map(
                                            token -> {
                                                ConsoleCookies.write(
                                                        exchange,
                                                        ConsoleCookies.SESSION,
                                                        token,
                                                        sessions.maxAge());
                                                return Rendering.redirectTo(
                                                                "/account/password?changed=1")
                                                        .build();
                                            })
                                    .onErrorResume(
                                            ProblemException.class,
                                            e -> refused(exchange, messageOf(e)));
                        });
    }

    private Mono<Rendering> refused(ServerWebExchange exchange, String problem) {
        return required(exchange)
                .map(
                        required ->
                                Rendering.view(VIEW)
                                        .status(HttpStatus.BAD_REQUEST)
                                        .modelAttribute("required", required)
                                        .modelAttribute("changed", false)
                                        .modelAttribute("problem", problem)
                                        .build());
    }

    /** The page's message for a refusal: which field, or the sign-in lockout. */
    private static String messageOf(ProblemException e) {
        if (e.slug().equals("sign-in-locked")) {
            return "account.error.locked";
        }
        String detail = e.detail();
        return detail.contains("'currentPassword'")
                ? "account.error.current"
                : detail.contains("differ")
                        ? "account.error.same"
                        : detail.contains("'newPassword'")
                                ? "account.error.rules"
                                : "account.error.current";
    }

    private Mono<Boolean> required(ServerWebExchange exchange) {
        return sessions.current(exchange)
                .map(
                        me ->
                                me.map(ConsoleSessions.SessionUser::passwordChangeRequired)
                                        .orElse(false));
    }
}
