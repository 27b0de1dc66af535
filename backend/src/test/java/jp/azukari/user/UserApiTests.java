package jp.azukari.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.auth.PasswordPolicy;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.platform.web.TestBodies;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Users: ADMIN writes, ADMIN/MANAGER/AUDITOR read all, a custodian reads its own party; never a
 * password hash.
 */
class UserApiTests extends ApiTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> MAP =
            new ParameterizedTypeReference<>() {};
    private static final String PASSWORD = "twelve chars or more";

    @Test
    void an_admin_creates_a_custodian_who_can_then_sign_in() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        TestUser admin = user(Role.ADMIN, agency);
        String username = newUsername();

        var result =
                as(admin)
                        .post()
                        .uri("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                Map.of(
                                        "username",
                                        username,
                                        "displayName",
                                        " 山田 太郎 ",
                                        "partyId",
                                        contractor,
                                        "role",
                                        "CUSTODIAN",
                                        "password",
                                        PASSWORD))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(MAP)
                        .returnResult();

        Map<String, Object> created = result.getResponseBody();
        assertThat(created)
                .containsEntry("username", username)
                .containsEntry("displayName", "山田 太郎")
                .containsEntry("partyId", contractor.toString())
                .containsEntry("role", "CUSTODIAN")
                .containsEntry("active", true);
        assertThat(created.keySet()).noneMatch(UserApiTests::holdsAPassword);
        assertThat(result.getResponseHeaders().getLocation())
                .hasToString("/api/v1/users/" + created.get("id"));
        String hash =
                db.sql("SELECT password_hash FROM app_user WHERE username = :u")
                        .bind("u", username)
                        .map(r -> r.get("password_hash", String.class))
                        .one()
                        .block();
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
        signIn(username, PASSWORD).expectStatus().isOk();
    }

    @Test
    void roles_must_fit_the_kind_of_party() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        TestUser admin = user(Role.ADMIN, agency);

        create(admin, newUsername(), agency, "CUSTODIAN", PASSWORD)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo(
                        "Field 'role': a CUSTODIAN must belong to a CONTRACTOR or SUBCONTRACTOR party, not an AGENCY party");
        create(admin, newUsername(), contractor, "MANAGER", PASSWORD)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
    }

    @Test
    void the_password_policy_and_unknown_parties_are_refused_with_a_field_error() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);

        create(admin, newUsername(), agency, "CLERK", "short")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'password': must be at least 12 characters long");
        create(admin, newUsername(), agency, "CLERK", "x".repeat(73))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
        UUID nowhere = UUID.randomUUID();
        create(admin, newUsername(), nowhere, "CLERK", PASSWORD)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'partyId': no party has the id " + nowhere);
        assertThat(PasswordPolicy.MIN_LENGTH).isEqualTo(12);
    }

    @Test
    void a_taken_username_answers_409() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser existing = user(Role.CLERK, agency);

        create(admin, existing.username(), agency, "CLERK", PASSWORD)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The username '" + existing.username() + "' is already taken");
    }

    @Test
    void only_an_admin_creates_or_changes_users_and_the_refusal_is_a_403_problem() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        TestUser target = user(Role.CLERK, agency);
        List<TestUser> notAdmins =
                List.of(
                        user(Role.MANAGER, agency),
                        user(Role.CLERK, agency),
                        user(Role.AUDITOR, agency),
                        user(Role.CUSTODIAN, contractor));
        String prefix = "refused-" + UUID.randomUUID().toString().substring(0, 8);

        for (TestUser someone : notAdmins) {
            create(
                            someone,
                            prefix + "-" + someone.actor().role().name().toLowerCase(),
                            agency,
                            "CLERK",
                            PASSWORD)
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Only ADMIN may create users");
            as(someone)
                    .patch()
                    .uri("/api/v1/users/" + target.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                            Map.of(
                                    "displayName",
                                    "renamed by " + someone.username(),
                                    "active",
                                    false))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Only ADMIN may change users");
        }

        assertThat(count("SELECT count(*) AS n FROM app_user WHERE username LIKE :v", prefix + "%"))
                .isZero();
        Map<String, Object> unchanged = userRow(target.id());
        assertThat(unchanged)
                .containsEntry("display_name", "CLERK " + target.username())
                .containsEntry("active", true);
    }

    @Test
    void an_auditor_clerk_or_custodian_cannot_record_training_but_a_manager_can() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        TestUser trainee = user(Role.CUSTODIAN, contractor);
        Map<String, String> training =
                Map.of("completedOn", "2026-04-01", "validUntil", "2027-03-31");

        for (TestUser someone :
                List.of(user(Role.AUDITOR, agency), user(Role.CLERK, agency), trainee)) {
            as(someone)
                    .put()
                    .uri("/api/v1/users/" + trainee.id() + "/training")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(training)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Only ADMIN or MANAGER may record training");
        }
        assertThat(userRow(trainee.id()).get("training_valid_until")).isNull();

        as(user(Role.MANAGER, agency))
                .put()
                .uri("/api/v1/users/" + trainee.id() + "/training")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(training)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.training.completedOn")
                .isEqualTo("2026-04-01")
                .jsonPath("$.training.validUntil")
                .isEqualTo("2027-03-31");
        assertThat(userRow(trainee.id()).get("training_valid_until")).hasToString("2027-03-31");
    }

    @Test
    void training_must_end_on_or_after_it_was_completed_and_not_be_completed_in_the_future() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser trainee =
                user(Role.CUSTODIAN, party(unique("UA contractor"), PartyKind.CONTRACTOR));

        training(
                        admin,
                        trainee.id(),
                        "{\"completedOn\":\"2026-04-01\",\"validUntil\":\"2026-03-31\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'validUntil': must be on or after completedOn (2026-04-01)");
        training(
                        admin,
                        trainee.id(),
                        "{\"completedOn\":\"2999-01-01\",\"validUntil\":\"2999-12-31\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("completedOn");
        training(admin, trainee.id(), "{\"completedOn\":\"2026-04-01\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("validUntil");
        training(
                        admin,
                        UUID.randomUUID(),
                        "{\"completedOn\":\"2026-04-01\",\"validUntil\":\"2027-03-31\"}")
                .expectStatus()
                .isNotFound();

        assertThat(userRow(trainee.id()).get("training_completed_on")).isNull();
    }

    @Test
    void agency_readers_list_every_user_but_a_clerk_may_not() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        TestUser custodian = user(Role.CUSTODIAN, contractor);

        for (Role reader : List.of(Role.ADMIN, Role.MANAGER, Role.AUDITOR)) {
            List<Map<String, Object>> all = list(as(user(reader, agency)), "/api/v1/users");
            assertThat(all).extracting(u -> u.get("id")).contains(custodian.id().toString());
            assertThat(all)
                    .allSatisfy(
                            u -> assertThat(u.keySet()).noneMatch(UserApiTests::holdsAPassword));
        }
        assertThat(list(as(user(Role.AUDITOR, agency)), "/api/v1/users?partyId=" + contractor))
                .extracting(u -> u.get("id"))
                .containsExactly(custodian.id().toString());
        as(user(Role.CLERK, agency))
                .get()
                .uri("/api/v1/users")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void a_custodian_sees_only_the_users_of_its_own_party() {
        UUID contractor = party(unique("UA contractor"), PartyKind.CONTRACTOR);
        UUID other = party(unique("UA other"), PartyKind.SUBCONTRACTOR);
        TestUser me = user(Role.CUSTODIAN, contractor);
        TestUser colleague = user(Role.CUSTODIAN, contractor);
        TestUser stranger = user(Role.CUSTODIAN, other);

        assertThat(list(as(me), "/api/v1/users"))
                .extracting(u -> u.get("id"))
                .containsExactlyInAnyOrder(me.id().toString(), colleague.id().toString());
        assertThat(list(as(me), "/api/v1/users?partyId=" + other)).isEmpty();
        as(me).get().uri("/api/v1/users/" + colleague.id()).exchange().expectStatus().isOk();
        as(me).get()
                .uri("/api/v1/users/" + stranger.id())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://azukari.jp/problems/not-found");
    }

    @Test
    void me_answers_the_callers_own_record() {
        TestUser clerk = user(Role.CLERK, party(unique("UA agency"), PartyKind.AGENCY));

        Map<String, Object> me =
                as(clerk)
                        .get()
                        .uri("/api/v1/users/me")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(me)
                .containsEntry("id", clerk.id().toString())
                .containsEntry("role", "CLERK")
                .containsEntry("partyId", clerk.partyId().toString())
                .containsKey("partyName");
        assertThat(me.keySet()).noneMatch(UserApiTests::holdsAPassword);
    }

    @Test
    void an_admin_changes_name_and_role_and_resets_a_password() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser clerk = user(Role.CLERK, agency, PASSWORD);
        String newPassword = "a brand new passphrase";

        patch(
                        admin,
                        clerk.id(),
                        Map.of("displayName", "佐藤 花子", "role", "MANAGER", "password", newPassword))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("佐藤 花子")
                .jsonPath("$.role")
                .isEqualTo("MANAGER");

        signIn(clerk.username(), PASSWORD).expectStatus().isUnauthorized();
        signIn(clerk.username(), newPassword).expectStatus().isOk();
        patch(admin, clerk.id(), Map.of("role", "CUSTODIAN"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
        patch(admin, clerk.id(), Map.of()).expectStatus().isBadRequest();
        patch(admin, UUID.randomUUID(), Map.of("active", false)).expectStatus().isNotFound();
    }

    @Test
    void deactivating_a_user_revokes_their_refresh_tokens() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        TestUser clerk = user(Role.CLERK, agency, PASSWORD);
        String refreshToken =
                (String)
                        signIn(clerk.username(), PASSWORD)
                                .expectStatus()
                                .isOk()
                                .expectBody(MAP)
                                .returnResult()
                                .getResponseBody()
                                .get("refreshToken");

        patch(admin, clerk.id(), Map.of("active", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);

        assertThat(
                        count(
                                "SELECT count(*) AS n FROM refresh_token WHERE revoked_at IS NULL AND user_id = CAST(:v AS uuid)",
                                clerk.id().toString()))
                .isZero();
        http().post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        signIn(clerk.username(), PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void an_admin_cannot_deactivate_or_demote_their_own_account() {
        TestUser admin = user(Role.ADMIN, party(unique("UA agency"), PartyKind.AGENCY));

        patch(admin, admin.id(), Map.of("active", false))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        patch(admin, admin.id(), Map.of("role", "AUDITOR"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(userRow(admin.id()))
                .containsEntry("active", true)
                .containsEntry("role", "ADMIN");
    }

    @Test
    void bad_user_requests_answer_a_precise_4xx_problem_and_leave_app_user_unchanged() {
        UUID agency = party(unique("UA agency"), PartyKind.AGENCY);
        TestUser admin = user(Role.ADMIN, agency);
        String username = newUsername();
        long before =
                count(
                        "SELECT count(*) AS n FROM app_user WHERE party_id = CAST(:v AS uuid)",
                        agency.toString());

        raw(admin, "{\"username\":\"" + username + "\",\"displayName\":\"x\",")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).startsWith("Request body is not valid JSON"));
        raw(
                        admin,
                        "{\"username\":\""
                                + username
                                + "\",\"displayName\":\"x\",\"partyId\":\""
                                + agency
                                + "\",\"role\":\"SUPERUSER\",\"password\":\""
                                + PASSWORD
                                + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo(
                        "Field 'role': 'SUPERUSER' is not one of [ADMIN, MANAGER, CLERK, AUDITOR, CUSTODIAN]");
        raw(admin, "{\"username\":\"" + username + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(
                        fields ->
                                assertThat((List<Object>) fields)
                                        .containsExactlyInAnyOrder(
                                                "displayName", "partyId", "role", "password"));
        raw(
                        admin,
                        "{\"username\":\"Not Valid!\",\"displayName\":\"x\",\"partyId\":\""
                                + agency
                                + "\",\"role\":\"CLERK\",\"password\":\""
                                + PASSWORD
                                + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("username");
        raw(
                        admin,
                        "{\"username\":\""
                                + username
                                + "\",\"displayName\":\"x\",\"partyId\":\"not-a-uuid\","
                                + "\"role\":\"CLERK\",\"password\":\""
                                + PASSWORD
                                + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'partyId': 'not-a-uuid' is not a UUID");
        as(admin)
                .post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestBodies.tenMegabyteJson())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(admin)
                .patch()
                .uri("/api/v1/users/not-a-uuid")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\":false}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(count("SELECT count(*) AS n FROM app_user WHERE username = :v", username))
                .isZero();
        assertThat(
                        count(
                                "SELECT count(*) AS n FROM app_user WHERE party_id = CAST(:v AS uuid)",
                                agency.toString()))
                .isEqualTo(before);
    }

    private WebTestClient.ResponseSpec create(
            TestUser who, String username, UUID partyId, String role, String password) {
        return as(who).post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Someone",
                                "partyId",
                                partyId,
                                "role",
                                role,
                                "password",
                                password))
                .exchange();
    }

    private WebTestClient.ResponseSpec raw(TestUser who, String json) {
        return as(who).post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(TestUser who, UUID id, Map<String, Object> changes) {
        return as(who).patch()
                .uri("/api/v1/users/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changes)
                .exchange();
    }

    private WebTestClient.ResponseSpec training(TestUser who, UUID id, String json) {
        return as(who).put()
                .uri("/api/v1/users/" + id + "/training")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return http().post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private List<Map<String, Object>> list(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> userRow(UUID id) {
        return db.sql(
                        "SELECT display_name, role, active, training_completed_on, training_valid_until FROM app_user WHERE id = :id")
                .bind("id", id)
                .fetch()
                .one()
                .block();
    }

    private long count(String sql, String value) {
        return db.sql(sql).bind("v", value).map(r -> r.get("n", Long.class)).one().block();
    }

    private static String newUsername() {
        return "ua-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /**
     * A member that could carry a password or its hash; the flag that one must be changed may show.
     */
    private static boolean holdsAPassword(Object key) {
        String k = key.toString();
        return k.toLowerCase().contains("password") && !k.equals("passwordChangeRequired");
    }
}
