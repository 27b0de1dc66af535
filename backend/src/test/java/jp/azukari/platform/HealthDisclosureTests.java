package jp.azukari.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "health tells strangers nothing": UP or DOWN without a token; components and details
 * for an ADMIN only.
 */
class HealthDisclosureTests extends ApiTestSupport {

    @Test
    void a_stranger_learns_only_the_status() {
        for (String path :
                new String[] {
                    "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"
                }) {
            Map<?, ?> body =
                    http().get()
                            .uri(path)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody();
            statusOnly(path, body);
        }
        http().get().uri("/actuator/health/diskSpace").exchange().expectStatus().isNotFound();
        http().get().uri("/actuator/health/r2dbc").exchange().expectStatus().isNotFound();
    }

    @Test
    void a_signed_in_user_who_is_not_an_admin_learns_only_the_status_too() {
        TestUser clerk = user(Role.CLERK, party(unique("agency"), PartyKind.AGENCY));
        Map<?, ?> body =
                as(clerk)
                        .get()
                        .uri("/actuator/health")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        statusOnly("/actuator/health", body);
    }

    /**
     * The status, and at the root the fixed names of the probe groups (the same on every
     * installation).
     */
    private static void statusOnly(String path, Map<?, ?> body) {
        assertThat(body.get("status")).as(path).isEqualTo("UP");
        Map<Object, Object> rest = new java.util.HashMap<>(body);
        rest.remove("status");
        if (path.equals("/actuator/health")) {
            assertThat(rest.remove("groups"))
                    .as(path)
                    .isEqualTo(java.util.List.of("liveness", "readiness"));
        }
        assertThat(rest).as(path + ": nothing but the status").isEmpty();
    }

    @Test
    void an_admin_sees_the_components() {
        TestUser admin = user(Role.ADMIN, party(unique("agency"), PartyKind.AGENCY));
        as(admin)
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.diskSpace.details.free")
                .exists();
    }
}
