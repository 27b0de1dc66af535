package jp.azukari.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * What an operator and an integrator reach without signing in: health, and the API's own
 * description.
 */
class ServiceEndpointsTests extends ApiTestSupport {

    @Test
    void health_reports_the_database_as_reachable_to_an_admin() {
        as(user(
                        jp.azukari.common.Role.ADMIN,
                        party(unique("agency"), jp.azukari.common.PartyKind.AGENCY)))
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
    }

    @Test
    void the_openapi_description_names_every_path_the_api_promises() {
        Map<?, ?> doc =
                http().get()
                        .uri("/api/v1/openapi")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
        assertThat(paths.keySet())
                .map(Object::toString)
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout",
                        "/api/v1/parties",
                        "/api/v1/users",
                        "/api/v1/contracts",
                        "/api/v1/contracts/{contractId}/assets",
                        "/api/v1/assets",
                        "/api/v1/assets/{id}",
                        "/api/v1/assets/{id}/events",
                        "/api/v1/approvals",
                        "/api/v1/approvals/{id}/decision",
                        "/api/v1/transfers",
                        "/api/v1/transfers/{id}",
                        "/api/v1/transfers/{id}/confirm",
                        "/api/v1/transfers/{id}/cancel",
                        "/api/v1/ledger/verify",
                        "/api/v1/scans",
                        "/api/v1/labels/resolve",
                        "/api/v1/assets/{id}/label.png");
    }

    @Test
    void the_browsable_api_ui_is_served() {
        var result = http().get().uri("/api/docs").exchange().returnResult(String.class);
        int status = result.getStatus().value();
        assertThat(List.of(200, 301, 302, 307, 308)).contains(status);
        String location =
                status == 200 ? "/api/docs" : result.getResponseHeaders().getLocation().toString();
        http().get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).containsIgnoringCase("swagger"));
    }
}
