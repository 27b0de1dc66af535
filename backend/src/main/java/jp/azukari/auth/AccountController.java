package jp.azukari.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.azukari.common.Actor;
import jp.azukari.platform.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/account/password}: the signed-in user changes their own password (the one
 * call left when an administrator's reset requires it). Every other sign-in of the user ends; the
 * answer is a fresh token pair for this client, as {@code POST /api/v1/auth/token} gives.
 */
@RestController
class AccountController {

    record PasswordChangeRequest(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {}

    private final PasswordChanges changes;
    private final TokenService tokens;
    private final ClientAddress clientAddress;

    AccountController(
            PasswordChanges changes,
            TokenService tokens,
            @Value("${azukari.auth.login.trusted-proxies:}") List<String> trustedProxies) {
        this.changes = changes;
        this.tokens = tokens;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @PostMapping(PasswordChangeFilter.API_CHANGE_PATH)
    Mono<TokenService.TokenPair> changePassword(
            @AuthenticationPrincipal Actor actor,
            @Valid @RequestBody PasswordChangeRequest body,
            ServerHttpRequest request) {
        return changes.change(
                        actor,
                        body.currentPassword(),
                        body.newPassword(),
                        clientAddress.of(request))
                .then(tokens.signInAgain(actor.userId()));
    }
}
