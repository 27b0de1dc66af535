package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A password an administrator resets is temporary (issue 12): the next sign-in says so, every API
 * call but the change answers 403 with code PASSWORD_CHANGE_REQUIRED, and the user's own change
 * (same rules as user creation) lifts it and ends every other sign-in.
 */
class PasswordChangeTests extends ApiTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP =
            new ParameterizedTypeReference<>() {};
    private static final String TEMPORARY = "temporary pass 2026";
    private static final String CHOSEN = "my own chosen phrase";

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElseWorks() {
        UUID agency = party(unique("agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser clerk = user(Role.CLERK, agency, "the clerk's first pass");

        as(admin)
                .patch()
                .uri("/api/v1/users/" + clerk.id())
                .bodyValue(Map.of("password", TEMPORARY))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(true);
        assertThat(mustChange(clerk.id())).isTrue();
        // the clerk's earlier token ended with the reset
        as(clerk).get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();

        Map<String, Object> pair = signIn(clerk.username(), TEMPORARY);
        assertThat(pair.get("passwordChangeRequired")).isEqualTo(true);
        String token = (String) pair.get("accessToken");
        var blocked =
                bearer(token)
                        .get()
                        .uri("/api/v1/assets")
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();
        assertThat(blocked)
                .containsEntry("code", "PASSWORD_CHANGE_REQUIRED")
                .containsEntry("type", "https://azukari.jp/problems/password-change-required");
        bearer(token)
                .post()
                .uri("/api/v1/assets")
                .bodyValue(Map.of("tag", "X"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PASSWORD_CHANGE_REQUIRED");
        bearer(token).get().uri("/api/v1/users/me").exchange().expectStatus().isOk();

        // the same rules as creating a user, a wrong current password, and no reuse
        change(token, TEMPORARY, "short")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        change(token, "not the password at all", CHOSEN)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("currentPassword");
        change(token, TEMPORARY, TEMPORARY).expectStatus().isBadRequest();
        assertThat(mustChange(clerk.id())).isTrue();

        Map<String, Object> fresh =
                change(token, TEMPORARY, CHOSEN)
                        .expectStatus()
                        .isOk()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();
        assertThat(fresh.get("passwordChangeRequired")).isEqualTo(false);
        assertThat(mustChange(clerk.id())).isFalse();
        bearer(token).get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
        bearer((String) fresh.get("accessToken"))
                .get()
                .uri("/api/v1/assets")
                .exchange()
                .expectStatus()
                .isOk();
        http().post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("username", clerk.username(), "password", TEMPORARY))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(signIn(clerk.username(), CHOSEN).get("passwordChangeRequired")).isEqualTo(false);
    }

    @Test
    void anyoneChangesTheirOwnPasswordAndOnlyAnAdminResetsAnothers() {
        UUID agency = party(unique("agency"), PartyKind.AGENCY);
        TestUser manager = user(Role.MANAGER, agency, "the manager's pass");
        TestUser other = user(Role.CLERK, agency);

        as(manager)
                .patch()
                .uri("/api/v1/users/" + other.id())
                .bodyValue(Map.of("password", TEMPORARY))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(mustChange(other.id())).isFalse();

        String token = (String) signIn(manager.username(), "the manager's pass").get("accessToken");
        change(token, "the manager's pass", CHOSEN).expectStatus().isOk();
        assertThat(mustChange(manager.id())).isFalse();
        assertThat(signIn(manager.username(), CHOSEN)).containsKey("accessToken");
        http().post()
                .uri("/api/v1/account/password")
                .bodyValue(Map.of("currentPassword", CHOSEN, "newPassword", "another one here"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anAdminMovesAUserToAnotherPartyWhereTheirRoleFits() {
        UUID agency = party(unique("agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("contractor"), PartyKind.CONTRACTOR);
        UUID otherContractor = party(unique("contractor"), PartyKind.CONTRACTOR);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser custodian = user(Role.CUSTODIAN, contractor);

        as(admin)
                .patch()
                .uri("/api/v1/users/" + custodian.id())
                .bodyValue(Map.of("partyId", otherContractor))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.partyId")
                .isEqualTo(otherContractor.toString());
        // a CUSTODIAN belongs to a contractor or subcontractor, never to the agency
        as(admin)
                .patch()
                .uri("/api/v1/users/" + custodian.id())
                .bodyValue(Map.of("partyId", agency))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("partyId");
        List<UUID> stored =
                db.sql("SELECT party_id FROM app_user WHERE id = :id")
                        .bind("id", custodian.id())
                        .map(r -> r.get("party_id", UUID.class))
                        .all()
                        .collectList()
                        .block();
        assertThat(stored).containsExactly(otherContractor);
    }

    private org.springframework.test.web.reactive.server.WebTestClient bearer(String token) {
        return http().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec change(
            String token, String current, String next) {
        return bearer(token)
                .post()
                .uri("/api/v1/account/password")
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private Map<String, Object> signIn(String username, String password) {
        return http().post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    private boolean mustChange(UUID user) {
        return Boolean.TRUE.equals(
                db.sql("SELECT password_change_required FROM app_user WHERE id = :id")
                        .bind("id", user)
                        .map(r -> r.get("password_change_required", Boolean.class))
                        .one()
                        .block());
    }
}
