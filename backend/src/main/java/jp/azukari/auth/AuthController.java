package jp.azukari.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.azukari.platform.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record TokenRequest(
            @NotBlank @Size(max = 128) String username,
            @NotNull @Size(max = 1024) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

    private final TokenService tokens;
    private final ClientAddress clientAddress;

    AuthController(
            TokenService tokens,
            @Value("${azukari.auth.login.trusted-proxies:}") List<String> trustedProxies) {
        this.tokens = tokens;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @PostMapping("/token")
    Mono<TokenService.TokenPair> token(
            @Valid @RequestBody TokenRequest body, ServerHttpRequest request) {
        return tokens.signIn(body.username(), body.password(), clientAddress.of(request));
    }

    @PostMapping("/refresh")
    Mono<TokenService.TokenPair> refresh(@Valid @RequestBody RefreshRequest body) {
        return tokens.refresh(body.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest body) {
        return tokens.signOut(body.refreshToken());
    }
}
