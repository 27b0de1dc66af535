package jp.azukari.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Only tokens this installation signed, and only until they expire, open the API. */
class AccessTokenTests extends ApiTestSupport {

    @Autowired SigningKeys signingKeys;

    @Test
    void a_token_issued_at_sign_in_opens_the_api() {
        UUID party = party(unique("AT agency"), PartyKind.AGENCY);
        TestUser clerk = user(Role.CLERK, party, "correct horse battery");

        String token =
                http().post()
                        .uri("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                "{\"username\":\""
                                        + clerk.username()
                                        + "\",\"password\":\"correct horse battery\"}")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponse.class)
                        .returnResult()
                        .getResponseBody()
                        .accessToken();

        http().get()
                .uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(clerk.username());
    }

    @Test
    void no_token_answers_401_problem() {
        refused(null);
    }

    @Test
    void a_token_signed_with_another_key_answers_401() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = claims().signWith(Keys.hmacShaKeyFor(otherKey), Jwts.SIG.HS256).compact();

        refused(forged);
    }

    @Test
    void an_expired_token_signed_with_the_real_key_answers_401() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired =
                claims().issuedAt(Date.from(past.minusSeconds(600)))
                        .expiration(Date.from(past))
                        .signWith(signingKeys.current().block(), Jwts.SIG.HS256)
                        .compact();

        refused(expired);
    }

    @Test
    void an_unsigned_alg_none_token_answers_401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header =
                b64.encodeToString(
                        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload =
                b64.encodeToString(
                        ("{\"iss\":\"azukari\",\"sub\":\""
                                        + UUID.randomUUID()
                                        + "\",\"name\":\"intruder\",\"role\":\"ADMIN\",\"party\":\""
                                        + UUID.randomUUID()
                                        + "\",\"exp\":"
                                        + (Instant.now().getEpochSecond() + 600)
                                        + "}")
                                .getBytes(StandardCharsets.UTF_8));

        refused(header + "." + payload + ".");
    }

    @Test
    void a_token_with_a_tampered_payload_answers_401() {
        UUID party = party(unique("AT agency"), PartyKind.AGENCY);
        TestUser clerk = user(Role.CLERK, party);
        String[] parts = clerk.token().split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"CLERK\"", "\"ADMIN\"");
        String tampered =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + parts[2];

        refused(tampered);
    }

    /**
     * Claims shaped exactly like the application's own, so only the signature or the time can be
     * wrong.
     */
    private static io.jsonwebtoken.JwtBuilder claims() {
        Instant now = Instant.now();
        return Jwts.builder()
                .issuer("azukari")
                .subject(UUID.randomUUID().toString())
                .claim("name", "someone")
                .claim("role", "ADMIN")
                .claim("party", UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(600)));
    }

    private void refused(String token) {
        var request = http().get().uri("/api/v1/users/me");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://azukari.jp/problems/unauthorized");
    }

    record TokenResponse(
            String accessToken, String refreshToken, String tokenType, long expiresIn) {}
}
