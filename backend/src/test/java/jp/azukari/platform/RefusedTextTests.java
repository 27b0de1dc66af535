package jp.azukari.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 10, "text the database refuses is a 400, not a 500": a NUL character (U+0000) in a path, a
 * query parameter, a JSON string or the sign-in user name is a precise 400 problem and stores
 * nothing — for every operation of the OpenAPI description, not only the ones named here.
 */
class RefusedTextTests extends ApiTestSupport {

    static final String NUL = "a\u0000b";

    @Test
    void the_sign_in_user_name_with_nul_is_a_400_naming_the_field() {
        http().post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("username", "admin\u0000", "password", "x"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat(d.toString()).contains("username").contains("U+0000"));
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM login_throttle WHERE username LIKE 'admin%'")
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isZero();
    }

    @Test
    void nul_in_a_query_parameter_a_path_or_a_json_string_is_a_400_and_stores_nothing() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        String before = fingerprint();
        as(world.clerk)
                .get()
                .uri(raw("/api/v1/labels/resolve?payload=AZ1%00X"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat(d.toString()).contains("payload").contains("U+0000"));
        as(world.clerk)
                .get()
                .uri(raw("/api/v1/assets?tag=A%00"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(world.clerk)
                .get()
                .uri(raw("/api/v1/assets/abc%00def"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat(d.toString()).contains("path"));
        as(world.manager)
                .post()
                .uri("/api/v1/contracts")
                .bodyValue(
                        Map.of(
                                "number",
                                unique("C"),
                                "title",
                                NUL,
                                "contractorPartyId",
                                world.contractor,
                                "startsOn",
                                "2026-01-01",
                                "endsOn",
                                "2026-12-31"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
        as(world.clerk)
                .post()
                .uri("/api/v1/contracts/{id}/assets", world.contractId)
                .bodyValue(
                        Map.of(
                                "assets",
                                List.of(
                                        Map.of(
                                                "kind",
                                                "DOCUMENT",
                                                "title",
                                                "調査票",
                                                "sensitivity",
                                                "PERSONAL_DATA",
                                                "handlingRequirements",
                                                NUL))))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_of_the_openapi_description_answers_nul_with_a_400_never_a_500() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        TestUser admin = user(Role.ADMIN, world.agency);
        Map<String, Object> doc =
                http().get()
                        .uri("/api/v1/openapi")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> schemas =
                (Map<String, Object>)
                        ((Map<String, Object>) doc.getOrDefault("components", Map.of()))
                                .getOrDefault("schemas", Map.of());
        String before = fingerprint();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            for (var op : path.getValue().entrySet()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase());
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                List<Map<String, Object>> params =
                        (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
                String withIds =
                        path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                // each path parameter with NUL
                if (path.getKey().contains("{")) {
                    String url =
                            path.getKey()
                                    .replaceFirst("\\{[^}]+}", "x%00y")
                                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    checked += expect400(wrong, method, url, null, admin);
                }
                // each query parameter with NUL
                for (Map<String, Object> p : params) {
                    if ("query".equals(p.get("in"))) {
                        checked +=
                                expect400(
                                        wrong,
                                        method,
                                        withIds + "?" + p.get("name") + "=a%00b",
                                        null,
                                        admin);
                    }
                }
                // a JSON body with NUL in every string property
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                Map<String, Object> json =
                        body == null
                                ? null
                                : (Map<String, Object>)
                                        ((Map<String, Object>) body.get("content"))
                                                .get("application/json");
                Map<String, Object> value =
                        json == null
                                ? Map.of()
                                : nulBody(
                                        resolve((Map<String, Object>) json.get("schema"), schemas),
                                        schemas);
                // a body without a text member (e.g. only an id) has no text to refuse
                if (!value.isEmpty()) {
                    for (TestUser who :
                            List.of(admin, world.manager, world.clerk, world.contractorCustodian)) {
                        int status = exchange(method, withIds, value, who);
                        checked++;
                        if (status >= 500 || status == 200 || status == 201 || status == 204) {
                            wrong.add(
                                    method
                                            + " "
                                            + path.getKey()
                                            + " body as "
                                            + who.actor().role()
                                            + ": "
                                            + status);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(100);
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** The URL exactly as written (a template would encode the % of %00 again). */
    private URI raw(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private int expect400(
            List<String> wrong, HttpMethod method, String url, Object body, TestUser who) {
        int status = exchange(method, url, body, who);
        if (status != 400) {
            wrong.add(method + " " + url + ": " + status);
        }
        return 1;
    }

    private int exchange(HttpMethod method, String url, Object body, TestUser who) {
        WebTestClient.RequestBodySpec spec =
                as(who).method(method).uri(URI.create("http://localhost:" + port + url));
        var response = body == null ? spec.exchange() : spec.bodyValue(body).exchange();
        return response.returnResult(String.class).getStatus().value();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(
            Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            return resolve(
                    (Map<String, Object>)
                            schemas.get(
                                    ref.toString().substring(ref.toString().lastIndexOf('/') + 1)),
                    schemas);
        }
        return schema;
    }

    /**
     * Every string property NUL; nested objects and arrays of objects filled the same way, one
     * level deep.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nulBody(
            Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> props =
                (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (var e : props.entrySet()) {
            Map<String, Object> p = resolve((Map<String, Object>) e.getValue(), schemas);
            if ("string".equals(p.get("type"))
                    && p.get("format") == null
                    && p.get("enum") == null) {
                out.put(e.getKey(), NUL);
            } else if ("array".equals(p.get("type"))) {
                Map<String, Object> items = resolve((Map<String, Object>) p.get("items"), schemas);
                if ("string".equals(items.get("type"))
                        && items.get("format") == null
                        && items.get("enum") == null) {
                    out.put(e.getKey(), List.of(NUL));
                } else if (items.containsKey("properties")) {
                    out.put(e.getKey(), List.of(new HashMap<>(shallow(items, schemas))));
                }
            } else if (p.containsKey("properties")) {
                out.put(e.getKey(), shallow(p, schemas));
            }
        }
        if (props.isEmpty()) {
            // a free-form object (a map of names to values): any member is text
            out.put("note", NUL);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shallow(
            Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) schema.getOrDefault("properties", Map.of()))
                .forEach(
                        (k, v) -> {
                            Map<String, Object> p = resolve((Map<String, Object>) v, schemas);
                            if ("string".equals(p.get("type"))
                                    && p.get("format") == null
                                    && p.get("enum") == null) {
                                out.put(k, NUL);
                            }
                        });
        return out;
    }

    private String fingerprint() {
        return db.sql(
                        "SELECT concat_ws(' ', (SELECT count(*) FROM party), (SELECT count(*) FROM app_user), (SELECT count(*) FROM contract), "
                                + "(SELECT count(*) FROM asset), (SELECT count(*) FROM approval), (SELECT count(*) FROM transfer), "
                                + "(SELECT count(*) FROM custody_event), (SELECT count(*) FROM scan), (SELECT count(*) FROM incident), "
                                + "(SELECT count(*) FROM evidence), (SELECT count(*) FROM label_key))")
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }
}
