package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.SecondInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 10, "access ends when it should": a deactivated, demoted, moved, signed-out or
 * re-passworded user's access token is refused on the next request, on this instance and on a
 * second one that had just served the same token.
 */
class AccessEndsTests extends ApiTestSupport {

    /**
     * How long a second instance may take to hear the change (a NOTIFY is delivered in
     * milliseconds).
     */
    static final Duration HEARD_WITHIN = Duration.ofSeconds(2);

    UUID agency;
    TestUser admin;

    @BeforeEach
    void world() {
        agency = party(unique("agency"), PartyKind.AGENCY);
        admin = user(Role.ADMIN, agency);
    }

    @Test
    void a_deactivated_users_token_is_refused_on_both_instances() {
        TestUser clerk = user(Role.CLERK, agency);
        String token = clerk.token();
        usable(token);

        as(admin)
                .patch()
                .uri("/api/v1/users/{id}", clerk.id())
                .bodyValue(Map.of("active", false))
                .exchange()
                .expectStatus()
                .isOk();

        refusedHere(token);
        refusedThereWithin(token);
    }

    @Test
    void a_demoted_managers_token_is_refused_and_a_new_one_has_only_the_new_role() {
        TestUser manager = user(Role.MANAGER, agency, "manager-password-1");
        String token = manager.token();
        usable(token);
        bearer(http(), token).get().uri("/api/v1/reminders/runs").exchange().expectStatus().isOk();
        bearer(SecondInstance.http(), token)
                .get()
                .uri("/api/v1/reminders/runs")
                .exchange()
                .expectStatus()
                .isOk();

        as(admin)
                .patch()
                .uri("/api/v1/users/{id}", manager.id())
                .bodyValue(Map.of("role", "CLERK"))
                .exchange()
                .expectStatus()
                .isOk();

        refusedHere(token);
        refusedThereWithin(token);
        String fresh =
                signIn(manager.username(), "manager-password-1").get("accessToken").toString();
        bearer(http(), fresh)
                .get()
                .uri("/api/v1/reminders/runs")
                .exchange()
                .expectStatus()
                .isForbidden();
        bearer(http(), fresh)
                .get()
                .uri("/api/v1/users/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("CLERK");
    }

    @Test
    void
            a_user_moved_to_another_party_loses_the_old_token_even_when_changed_behind_the_applications_back() {
        TestUser custodian =
                user(Role.CUSTODIAN, party(unique("contractor"), PartyKind.CONTRACTOR));
        UUID other = party(unique("other contractor"), PartyKind.CONTRACTOR);
        String token = custodian.token();
        usable(token);

        db.sql("UPDATE app_user SET party_id = :p WHERE id = :id")
                .bind("p", other)
                .bind("id", custodian.id())
                .then()
                .block();

        refusedThereWithin(token);
        assertThat(
                        eventually(
                                () ->
                                        bearer(http(), token)
                                                .get()
                                                .uri("/api/v1/users/me")
                                                .exchange()
                                                .returnResult(String.class)
                                                .getStatus()
                                                .value()))
                .isEqualTo(401);
    }

    @Test
    void signing_out_ends_the_access_token_on_both_instances() {
        TestUser clerk = user(Role.CLERK, agency, "clerk-password-1");
        Map<?, ?> pair = signIn(clerk.username(), "clerk-password-1");
        String token = pair.get("accessToken").toString();
        usable(token);

        http().post()
                .uri("/api/v1/auth/logout")
                .bodyValue(Map.of("refreshToken", pair.get("refreshToken")))
                .exchange()
                .expectStatus()
                .isNoContent();

        refusedHere(token);
        refusedThereWithin(token);
        // signing in again works, with a token that is accepted
        usable(signIn(clerk.username(), "clerk-password-1").get("accessToken").toString());
    }

    @Test
    void a_password_reset_ends_the_access_token_on_both_instances() {
        TestUser clerk = user(Role.CLERK, agency, "clerk-password-2");
        String token = signIn(clerk.username(), "clerk-password-2").get("accessToken").toString();
        usable(token);

        as(admin)
                .patch()
                .uri("/api/v1/users/{id}", clerk.id())
                .bodyValue(Map.of("password", "a-new-password-42"))
                .exchange()
                .expectStatus()
                .isOk();

        refusedHere(token);
        refusedThereWithin(token);
    }

    @Test
    void a_change_that_does_not_touch_access_keeps_the_token() {
        TestUser clerk = user(Role.CLERK, agency);
        usable(clerk.token());
        as(admin)
                .patch()
                .uri("/api/v1/users/{id}", clerk.id())
                .bodyValue(Map.of("displayName", "新しい名前"))
                .exchange()
                .expectStatus()
                .isOk();
        usable(clerk.token());
    }

    private Map<?, ?> signIn(String username, String password) {
        return http().post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** Works on both instances (so both now remember the user). */
    private void usable(String token) {
        bearer(http(), token).get().uri("/api/v1/users/me").exchange().expectStatus().isOk();
        bearer(SecondInstance.http(), token)
                .get()
                .uri("/api/v1/users/me")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void refusedHere(String token) {
        bearer(http(), token)
                .get()
                .uri("/api/v1/users/me")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        bearer(http(), token)
                .post()
                .uri("/api/v1/contracts")
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private void refusedThereWithin(String token) {
        WebTestClient there = SecondInstance.http();
        assertThat(
                        eventually(
                                () ->
                                        bearer(there, token)
                                                .get()
                                                .uri("/api/v1/users/me")
                                                .exchange()
                                                .returnResult(String.class)
                                                .getStatus()
                                                .value()))
                .isEqualTo(401);
        // and it stays refused, for writes too
        bearer(there, token)
                .get()
                .uri("/api/v1/users/me")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        bearer(there, token)
                .post()
                .uri("/api/v1/contracts")
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /** The status once it is 401, or the last one seen after {@link #HEARD_WITHIN}. */
    private static int eventually(Supplier<Integer> status) {
        long end = System.nanoTime() + HEARD_WITHIN.toNanos();
        int last;
        do {
            last = status.get();
            if (last == 401) {
                return last;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        } while (System.nanoTime() < end);
        return last;
    }

    private static WebTestClient bearer(WebTestClient client, String token) {
        return client.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }
}
