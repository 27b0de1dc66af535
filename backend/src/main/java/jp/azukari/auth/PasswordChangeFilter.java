package jp.azukari.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.azukari.common.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * A password an administrator set is temporary: until the user has chosen their own, the only thing
 * they can do is change it (and sign out). The signed-in user then carries the authority {@link
 * #AUTHORITY}; the API answers every other call with a 403 problem whose {@code code} is {@value
 * #CODE}, the console sends every other page to {@code /account/password}.
 */
final class PasswordChangeFilter {

    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";
    static final String CODE = "PASSWORD_CHANGE_REQUIRED";
    static final String API_CHANGE_PATH = "/api/v1/account/password";

    private static final Set<String> API_OPEN = Set.of(API_CHANGE_PATH, "/api/v1/users/me");
    private static final List<String> CONSOLE_OPEN_PREFIXES =
            List.of("/console/", "/webjars/", "/console-error/");
    private static final Set<String> CONSOLE_OPEN =
            Set.of("/account/password", "/signout", "/signin", "/language", "/favicon.ico");

    private PasswordChangeFilter() {}

    /** The authentication of a signed-in user: their role, and the gate when it applies. */
    static Authentication authentication(Actor actor, boolean changeRequired) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
        if (changeRequired) {
            authorities.add(new SimpleGrantedAuthority(AUTHORITY));
        }
        return new UsernamePasswordAuthenticationToken(actor, null, authorities);
    }

    static boolean applies(Authentication a) {
        return a != null
                && a.getAuthorities().stream().anyMatch(g -> AUTHORITY.equals(g.getAuthority()));
    }

    /** The API's gate: a 403 problem with {@code code} {@value #CODE} on every other route. */
    static WebFilter api() {
        return (exchange, chain) ->
                gated(exchange)
                        .flatMap(
                                gated -> {
                                    String path = exchange.getRequest().getPath().value();
                                    if (!gated
                                            || API_OPEN.contains(path)
                                            || path.startsWith("/api/v1/auth/")) {
                                        return chain.filter(exchange);
                                    }
                                    return SecurityConfiguration.problem(
                                            exchange,
                                            HttpStatus.FORBIDDEN,
                                            "password-change-required",
                                            "Password change required",
                                            "An administrator set your password: choose your own with POST "
                                                    + API_CHANGE_PATH
                                                    + " before anything else",
                                            CODE);
                                });
    }

    /** The console's gate: every other page leads to the change-password page. */
    static WebFilter console() {
        return (exchange, chain) ->
                gated(exchange)
                        .flatMap(
                                gated -> {
                                    String path = exchange.getRequest().getPath().value();
                                    if (!gated
                                            || CONSOLE_OPEN.contains(path)
                                            || CONSOLE_OPEN_PREFIXES.stream()
                                                    .anyMatch(path::startsWith)) {
                                        return chain.filter(exchange);
                                    }
                                    var response = exchange.getResponse();
                                    URI to = URI.create("/account/password");
                                    if (exchange.getRequest()
                                            .getHeaders()
                                            .containsHeader("HX-Request")) {
                                        response.setStatusCode(HttpStatus.FORBIDDEN);
                                        response.getHeaders().set("HX-Redirect", to.toString());
                                    } else {
                                        // a form sent from an old page is not run: the browser
                                        // is sent to the change (303 turns it into a GET)
                                        response.setStatusCode(HttpStatus.SEE_OTHER);
                                        response.getHeaders().setLocation(to);
                                    }
                                    return response.setComplete();
                                });
    }

    private static Mono<Boolean> gated(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(PasswordChangeFilter::applies)
                .defaultIfEmpty(false);
    }
}
