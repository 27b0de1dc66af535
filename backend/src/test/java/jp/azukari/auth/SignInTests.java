package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Signing in, refresh-token rotation with theft detection, signing out, and the database-backed
 * login throttle.
 */
class SignInTests extends ApiTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP =
            new ParameterizedTypeReference<>() {};
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void signing_in_answers_a_bearer_pair_and_stores_only_the_refresh_tokens_hash() {
        TestUser user = someone(Role.MANAGER);

        Map<String, Object> pair = signIn(user.username(), PASSWORD, HttpStatus.OK);

        assertThat(pair.get("tokenType")).isEqualTo("Bearer");
        assertThat(pair.get("expiresIn")).isEqualTo(600);
        assertThat((String) pair.get("accessToken")).contains(".");
        String refresh = (String) pair.get("refreshToken");
        assertThat(Base64Url.decode(refresh)).hasSize(32);
        List<String> stored =
                db.sql(
                                "SELECT encode(token_hash, 'hex') AS h FROM refresh_token WHERE user_id = :u")
                        .bind("u", user.id())
                        .map(r -> r.get("h", String.class))
                        .all()
                        .collectList()
                        .block();
        assertThat(stored).containsExactly(HexFormat.of().formatHex(RefreshTokens.hash(refresh)));
    }

    @Test
    void the_username_is_matched_ignoring_case_and_surrounding_spaces() {
        TestUser user = someone(Role.CLERK);

        signIn("  " + user.username().toUpperCase() + " ", PASSWORD, HttpStatus.OK);
    }

    @Test
    void a_refresh_hands_out_a_new_pair_and_spends_the_old_refresh_token() {
        TestUser user = someone(Role.CLERK);
        String first =
                (String) signIn(user.username(), PASSWORD, HttpStatus.OK).get("refreshToken");

        Map<String, Object> next = refresh(first, HttpStatus.OK);

        assertThat(next.get("refreshToken")).isNotEqualTo(first);
        http().get()
                .uri("/api/v1/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + next.get("accessToken"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(
                        db.sql("SELECT used_at FROM refresh_token WHERE token_hash = :h")
                                .bind("h", RefreshTokens.hash(first))
                                .map(r -> r.get("used_at", Instant.class))
                                .one()
                                .block())
                .isNotNull();
    }

    @Test
    void reusing_a_spent_refresh_token_answers_401_and_revokes_its_whole_family() {
        TestUser user = someone(Role.CLERK);
        String first =
                (String) signIn(user.username(), PASSWORD, HttpStatus.OK).get("refreshToken");
        String second = (String) refresh(first, HttpStatus.OK).get("refreshToken");
        // another sign-in of the same user is another family and must survive
        String otherSession =
                (String) signIn(user.username(), PASSWORD, HttpStatus.OK).get("refreshToken");

        Map<String, Object> problem = refresh(first, HttpStatus.UNAUTHORIZED);

        assertThat((String) problem.get("detail")).contains("already used");
        refresh(second, HttpStatus.UNAUTHORIZED);
        assertThat(revokedInFamilyOf(second)).isEqualTo(2);
        refresh(otherSession, HttpStatus.OK);
    }

    @Test
    void signing_out_revokes_the_refresh_token() {
        TestUser user = someone(Role.AUDITOR);
        String refresh =
                (String) signIn(user.username(), PASSWORD, HttpStatus.OK).get("refreshToken");

        http().post()
                .uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh))
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectBody()
                .isEmpty();

        assertThat(revokedInFamilyOf(refresh)).isEqualTo(1);
        refresh(refresh, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void signing_out_with_an_unknown_token_answers_204_and_changes_nothing() {
        http().post()
                .uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", "not-a-token-we-issued"))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void an_unknown_refresh_token_answers_401_problem() {
        Map<String, Object> problem = refresh("bm90LWEtdG9rZW4", HttpStatus.UNAUTHORIZED);

        assertThat(problem.get("type"))
                .isEqualTo("https://azukari.jp/problems/invalid-refresh-token");
    }

    @Test
    void an_inactive_user_can_neither_sign_in_nor_refresh() {
        TestUser user = someone(Role.CLERK);
        String refresh =
                (String) signIn(user.username(), PASSWORD, HttpStatus.OK).get("refreshToken");
        db.sql("UPDATE app_user SET active = false WHERE id = :id")
                .bind("id", user.id())
                .then()
                .block();

        Map<String, Object> problem = signIn(user.username(), PASSWORD, HttpStatus.UNAUTHORIZED);
        refresh(refresh, HttpStatus.UNAUTHORIZED);

        assertThat(problem.get("type"))
                .isEqualTo("https://azukari.jp/problems/invalid-credentials");
        assertThat(revokedInFamilyOf(refresh)).isEqualTo(1);
    }

    @Test
    void an_unknown_user_and_a_wrong_password_answer_exactly_alike() {
        TestUser user = someone(Role.CLERK);

        Map<String, Object> wrongPassword =
                signIn(user.username(), "not the password at all", HttpStatus.UNAUTHORIZED);
        Map<String, Object> unknownUser =
                signIn(
                        "nobody-" + UUID.randomUUID().toString().substring(0, 8),
                        "not the password at all",
                        HttpStatus.UNAUTHORIZED);

        wrongPassword.remove("instance");
        unknownUser.remove("instance");
        assertThat(unknownUser).isEqualTo(wrongPassword);
        assertThat(wrongPassword.get("detail")).isEqualTo("The username or password is incorrect");
    }

    @Test
    void each_failure_slows_the_next_attempt() {
        TestUser user = someone(Role.CLERK);
        for (int i = 0; i < 3; i++) {
            signIn(user.username(), "wrong password " + i, HttpStatus.UNAUTHORIZED);
        }

        long started = System.nanoTime();
        signIn(user.username(), PASSWORD, HttpStatus.OK);

        // the fourth attempt waits 3 x 200 ms before its password is even checked
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void
            five_failures_lock_the_username_even_against_the_right_password_and_the_lock_is_in_the_database() {
        TestUser user = someone(Role.CLERK);
        for (int i = 0; i < 5; i++) {
            signIn(user.username(), "wrong password " + i, HttpStatus.UNAUTHORIZED);
        }

        EntityExchangeResult<Map<String, Object>> locked =
                signInExchange(user.username(), PASSWORD, HttpStatus.TOO_MANY_REQUESTS);

        long retryAfter =
                Long.parseLong(locked.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(locked.getResponseBody().get("type"))
                .isEqualTo("https://azukari.jp/problems/sign-in-locked");
        Map<String, Object> row = throttleRow(user.username());
        assertThat(row.get("failures")).isEqualTo(5);
        assertThat((Instant) row.get("locked_until"))
                .isCloseTo(
                        Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));
    }

    @Test
    void once_the_lock_has_run_out_the_right_password_works_and_clears_the_count() {
        TestUser user = someone(Role.CLERK);
        // a lock that ended a second ago, after failures long enough ago
        db.sql(
                        "INSERT INTO login_throttle (username, failures, last_failure_at, locked_until) "
                                + "VALUES (:u, 5, now() - interval '16 minutes', now() - interval '1 second')")
                .bind("u", user.username())
                .then()
                .block();

        signIn(user.username(), PASSWORD, HttpStatus.OK);

        assertThat(throttleRow(user.username())).isNull();
    }

    @Test
    void a_success_resets_the_failure_count() {
        TestUser user = someone(Role.CLERK);
        signIn(user.username(), "wrong password", HttpStatus.UNAUTHORIZED);
        signIn(user.username(), "wrong again", HttpStatus.UNAUTHORIZED);
        assertThat(throttleRow(user.username()).get("failures")).isEqualTo(2);

        signIn(user.username(), PASSWORD, HttpStatus.OK);

        assertThat(throttleRow(user.username())).isNull();
    }

    @Test
    void an_unknown_username_is_locked_the_same_way() {
        String nobody = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(nobody, "first guess", HttpStatus.UNAUTHORIZED);
        // as if three more guesses had failed just now
        db.sql("UPDATE login_throttle SET failures = 4 WHERE username = :u")
                .bind("u", nobody)
                .then()
                .block();

        signIn(nobody, "fifth guess", HttpStatus.UNAUTHORIZED);
        signIn(nobody, "sixth guess", HttpStatus.TOO_MANY_REQUESTS);

        assertThat(throttleRow(nobody).get("failures")).isEqualTo(5);
    }

    @Test
    void concurrent_failures_are_each_counted_so_a_burst_cannot_slip_past_the_lock() {
        TestUser user = someone(Role.CLERK);
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses =
                Flux.range(0, 8)
                        .flatMap(
                                i ->
                                        client.post()
                                                .uri("/api/v1/auth/token")
                                                .contentType(MediaType.APPLICATION_JSON)
                                                .bodyValue(
                                                        Map.of(
                                                                "username",
                                                                user.username(),
                                                                "password",
                                                                "burst guess " + i))
                                                .exchangeToMono(
                                                        response ->
                                                                response.releaseBody()
                                                                        .thenReturn(
                                                                                response.statusCode()
                                                                                        .value())),
                                8)
                        .collectList()
                        .block(Duration.ofSeconds(30));

        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
        assertThat(throttleRow(user.username()).get("failures")).isEqualTo(5);
    }

    @Test
    void bad_sign_in_requests_answer_400_and_count_no_failure() {
        TestUser user = someone(Role.CLERK);

        http().post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + user.username() + "\",")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).startsWith("Request body is not valid JSON"));
        http().post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + user.username() + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");

        assertThat(throttleRow(user.username())).isNull();
    }

    private TestUser someone(Role role) {
        UUID party =
                party(
                        unique("SI " + role),
                        role == Role.CUSTODIAN ? PartyKind.CONTRACTOR : PartyKind.AGENCY);
        return user(role, party, PASSWORD);
    }

    private Map<String, Object> signIn(String username, String password, HttpStatus expected) {
        return signInExchange(username, password, expected).getResponseBody();
    }

    private EntityExchangeResult<Map<String, Object>> signInExchange(
            String username, String password, HttpStatus expected) {
        return http().post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(MAP)
                .returnResult();
    }

    private Map<String, Object> refresh(String refreshToken, HttpStatus expected) {
        return http().post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    /** How many tokens of this token's family are revoked. */
    private long revokedInFamilyOf(String token) {
        byte[] hash = RefreshTokens.hash(token);
        return db.sql(
                        "SELECT count(*) AS n FROM refresh_token WHERE revoked_at IS NOT NULL AND family_id = "
                                + "(SELECT family_id FROM refresh_token WHERE token_hash = :h)")
                .bind("h", hash)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private Map<String, Object> throttleRow(String username) {
        return db.sql("SELECT failures, locked_until FROM login_throttle WHERE username = :u")
                .bind("u", username)
                .map(
                        r -> {
                            Map<String, Object> m = new java.util.HashMap<>();
                            m.put("failures", r.get("failures", Integer.class));
                            m.put("locked_until", r.get("locked_until", Instant.class));
                            return m;
                        })
                .one()
                .block();
    }

    private static final class Base64Url {

        static byte[] decode(String s) {
            return java.util.Base64.getUrlDecoder().decode(s);
        }
    }
}
