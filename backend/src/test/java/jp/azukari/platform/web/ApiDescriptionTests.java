package jp.azukari.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI description the product serves at /api/v1/openapi, read as a client reads it. */
class ApiDescriptionTests extends ApiTestSupport {

    static final Set<String> PUBLIC =
            Set.of("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout");
    static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");

    JsonNode api;

    record Op(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @BeforeEach
    void read() throws Exception {
        byte[] body =
                http().get()
                        .uri("/api/v1/openapi")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody();
        api = new ObjectMapper().readTree(body);
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        api.path("paths")
                .properties()
                .forEach(
                        p ->
                                p.getValue()
                                        .properties()
                                        .forEach(
                                                m -> {
                                                    if (METHODS.contains(m.getKey())
                                                            && p.getKey().startsWith("/api/v1/")) {
                                                        ops.add(
                                                                new Op(
                                                                        m.getKey(),
                                                                        p.getKey(),
                                                                        m.getValue()));
                                                    }
                                                }));
        return ops;
    }

    @Test
    void it_names_the_product_and_how_to_sign_in() {
        assertThat(api.path("info").path("title").asText()).isEqualTo("Azukari API");
        assertThat(api.path("info").path("version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.path("info").path("description").asText())
                .contains("Bearer")
                .contains("RFC 9457");
        JsonNode bearer =
                api.path("components").path("securitySchemes").path(ApiDescription.BEARER);
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void every_operation_is_tagged_by_its_feature_and_the_tags_come_in_a_newcomers_order() {
        List<String> tags = new ArrayList<>();
        api.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertThat(tags)
                .startsWith(
                        "Sign-in",
                        "Users",
                        "Parties",
                        "Contracts",
                        "Assets",
                        "Labels",
                        "Approvals",
                        "Transfers")
                .noneMatch(t -> t.endsWith("-controller"));
        List<Op> ops = operations();
        assertThat(ops).hasSizeGreaterThan(40);
        assertThat(ops)
                .allSatisfy(
                        op -> {
                            assertThat(op.node().path("tags")).as(op + " tags").hasSize(1);
                            assertThat(tags)
                                    .as(op + " tag declared")
                                    .contains(op.node().path("tags").get(0).asText());
                        });
        assertThat(tagOf("post", "/api/v1/transfers/{id}/confirm")).isEqualTo("Transfers");
        assertThat(tagOf("post", "/api/v1/transfers/{id}/close-missing")).isEqualTo("Transfers");
        assertThat(tagOf("get", "/api/v1/assets/{id}/label.png")).isEqualTo("Labels");
        assertThat(tagOf("post", "/api/v1/assets/{id}/disposal")).isEqualTo("Disposal");
    }

    @Test
    void every_operation_but_signing_in_carries_the_bearer_scheme() {
        assertThat(operations())
                .allSatisfy(
                        op -> {
                            JsonNode security = op.node().path("security");
                            if (PUBLIC.contains(op.path())) {
                                assertThat(security).as(op + " is public").isEmpty();
                            } else {
                                assertThat(security).as(op + " security").hasSize(1);
                                assertThat(security.get(0).has(ApiDescription.BEARER))
                                        .as(op + " bearer")
                                        .isTrue();
                            }
                        });
    }

    @Test
    void every_error_answer_is_described_by_the_problem_schema_with_code_and_article() {
        JsonNode problem =
                api.path("components")
                        .path("schemas")
                        .path(ApiDescription.PROBLEM)
                        .path("properties");
        assertThat(problem.has("code")).isTrue();
        assertThat(problem.has("article")).isTrue();
        assertThat(
                        problem.has("type")
                                && problem.has("title")
                                && problem.has("status")
                                && problem.has("detail"))
                .isTrue();
        assertThat(operations())
                .allSatisfy(
                        op -> {
                            List<String> errors = new ArrayList<>();
                            op.node()
                                    .path("responses")
                                    .properties()
                                    .forEach(
                                            r -> {
                                                if (r.getKey().startsWith("4")) {
                                                    errors.add(r.getKey());
                                                    assertThat(
                                                                    r.getValue()
                                                                            .path("content")
                                                                            .path(
                                                                                    ApiDescription
                                                                                            .PROBLEM_JSON)
                                                                            .path("schema")
                                                                            .path("$ref")
                                                                            .asText())
                                                            .as(op + " " + r.getKey())
                                                            .isEqualTo(
                                                                    "#/components/schemas/"
                                                                            + ApiDescription
                                                                                    .PROBLEM);
                                                }
                                            });
                            assertThat(errors).as(op + " error answers").contains("400", "401");
                        });
    }

    @Test
    void the_main_requests_come_with_examples() {
        assertThat(example("post", "/api/v1/auth/token").path("username").asText()).isNotBlank();
        assertThat(example("post", "/api/v1/transfers").path("kind").asText()).isEqualTo("HANDOFF");
        assertThat(example("post", "/api/v1/transfers/{id}/confirm").path("assetIds")).hasSize(1);
        assertThat(example("post", "/api/v1/scans").path("scans")).hasSize(1);
    }

    private String tagOf(String method, String path) {
        return api.path("paths").path(path).path(method).path("tags").path(0).asText();
    }

    private JsonNode example(String method, String path) {
        return api.path("paths")
                .path(path)
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("example");
    }
}
