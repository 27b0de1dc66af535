package jp.azukari.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Every generic failure answers as a precise RFC 9457 problem, proven over HTTP against the
 * test-only probe.
 */
class ProblemExceptionHandlerTests extends ApiTestSupport {

    private static final String BASE = "/api/v1/test-only/problems";

    private String token;

    /**
     * The probe lives under /api like every API path, so its requests carry a signed-in user's
     * token.
     */
    @Override
    protected WebTestClient http() {
        if (token == null) {
            token = user(Role.CLERK, party(unique("probe agency"), PartyKind.AGENCY)).token();
        }
        return super.http().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    @Test
    void malformed_json_answers_400_saying_where_the_json_breaks() {
        Map<String, Object> p =
                postBody("{\"name\": \"a\",\n \"colour\": }", HttpStatus.BAD_REQUEST);

        assertThat(p.get("type")).isEqualTo("https://azukari.jp/problems/invalid-request");
        assertThat((String) p.get("detail"))
                .startsWith("Request body is not valid JSON at line 2, column");
    }

    @Test
    void truncated_json_answers_400_not_valid_json() {
        Map<String, Object> p = postBody("{\"name\": \"a\"", HttpStatus.BAD_REQUEST);

        assertThat((String) p.get("detail")).startsWith("Request body is not valid JSON");
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        Map<String, Object> p =
                postBody(
                        "{\"name\":\"a\",\"colour\":\"PURPLE\",\"count\":1}",
                        HttpStatus.BAD_REQUEST);

        assertThat(p.get("detail"))
                .isEqualTo("Field 'colour': 'PURPLE' is not one of [RED, GREEN]");
        assertThat(errors(p))
                .containsExactly(
                        Map.of(
                                "field",
                                "colour",
                                "message",
                                "'PURPLE' is not one of [RED, GREEN]"));
    }

    @Test
    void missing_required_fields_are_each_listed_in_errors() {
        Map<String, Object> p = postBody("{}", HttpStatus.BAD_REQUEST);

        assertThat(errors(p))
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("name", "colour", "count");
        assertThat(errors(p)).allSatisfy(e -> assertThat(e.get("message")).isNotBlank());
        assertThat((String) p.get("detail")).startsWith("3 fields are invalid: ");
    }

    @Test
    void bean_validation_failures_carry_each_field_and_its_message() {
        Map<String, Object> p =
                postBody(
                        "{\"name\":\" \",\"colour\":\"RED\",\"count\":0,\"code\":\"ABCD\"}",
                        HttpStatus.BAD_REQUEST);

        assertThat(errors(p))
                .containsExactlyInAnyOrder(
                        Map.of("field", "name", "message", "must not be blank"),
                        Map.of("field", "count", "message", "must be greater than or equal to 1"),
                        Map.of("field", "code", "message", "size must be between 0 and 3"));
    }

    @Test
    void a_value_of_the_wrong_kind_names_the_field_and_what_it_accepts() {
        Map<String, Object> p =
                postBody(
                        "{\"name\":\"a\",\"colour\":\"RED\",\"count\":\"many\"}",
                        HttpStatus.BAD_REQUEST);
        assertThat(p.get("detail")).isEqualTo("Field 'count': 'many' is not a whole number");

        Map<String, Object> date =
                postBody(
                        "{\"name\":\"a\",\"colour\":\"RED\",\"count\":1,\"on\":\"2026-13-45\"}",
                        HttpStatus.BAD_REQUEST);
        assertThat((String) date.get("detail"))
                .startsWith("Field 'on': ")
                .contains("a date (YYYY-MM-DD)");
    }

    @Test
    void a_json_array_where_an_object_belongs_is_refused_plainly() {
        Map<String, Object> p = postBody("[1,2]", HttpStatus.BAD_REQUEST);

        assertThat(p.get("detail")).isEqualTo("Request body must be a JSON object");
    }

    @Test
    void a_missing_body_answers_400_request_body_is_missing() {
        Map<String, Object> p =
                http().post()
                        .uri(BASE + "/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .exchange()
                        .expectStatus()
                        .isBadRequest()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(p.get("detail")).isEqualTo("Request body is missing");
    }

    @Test
    void a_ten_megabyte_body_answers_413_problem_not_500() {
        byte[] body = TestBodies.tenMegabyteJson();

        Map<String, Object> p = postBody(body, HttpStatus.CONTENT_TOO_LARGE);

        assertThat(p.get("type")).isEqualTo("https://azukari.jp/problems/payload-too-large");
        assertThat(p.get("status")).isEqualTo(413);
        assertThat(p.get("detail"))
                .isEqualTo("Request body is larger than this service accepts (at most 4 MB)");
    }

    @Test
    void a_body_beyond_the_limit_without_a_declared_length_is_stopped_by_the_codec_with_413() {
        // sent chunked, so only the codec can notice; just over the limit, so little is left unread
        byte[] body = TestBodies.jsonOfSize(4 * 1024 * 1024 + 1024);
        Flux<DataBuffer> chunks =
                Flux.range(0, body.length / 65536 + 1)
                        .map(
                                i ->
                                        DefaultDataBufferFactory.sharedInstance.wrap(
                                                Arrays.copyOfRange(
                                                        body,
                                                        i * 65536,
                                                        Math.min(body.length, (i + 1) * 65536))));

        Map<String, Object> p =
                http().post()
                        .uri(BASE + "/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(chunks, DataBuffer.class)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(p.get("detail"))
                .isEqualTo("Request body is larger than this service accepts (at most 4 MB)");
    }

    @Test
    void a_path_variable_that_is_not_a_uuid_answers_400_naming_it() {
        Map<String, Object> p = get(BASE + "/items/not-a-uuid", HttpStatus.BAD_REQUEST);

        assertThat(p.get("detail"))
                .isEqualTo("The path variable 'id' must be a UUID, not 'not-a-uuid'");
    }

    @Test
    void a_query_parameter_of_the_wrong_type_answers_400_naming_it() {
        Map<String, Object> p =
                get(
                        BASE + "/items/" + java.util.UUID.randomUUID() + "?page=two",
                        HttpStatus.BAD_REQUEST);

        assertThat(p.get("detail"))
                .isEqualTo("The query parameter 'page' must be a whole number, not 'two'");
    }

    @Test
    void a_unique_key_violation_answers_409_without_naming_tables_or_constraints() {
        Map<String, Object> p =
                http().post()
                        .uri(BASE + "/duplicate")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.CONFLICT)
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(p.get("detail")).isEqualTo("A record with the same unique value already exists");
        assertThat(p.toString())
                .doesNotContainIgnoringCase("party")
                .doesNotContainIgnoringCase("constraint");
    }

    @Test
    void an_untranslated_r2dbc_integrity_violation_also_answers_409() {
        Map<String, Object> p =
                http().post()
                        .uri(BASE + "/raw-integrity")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.CONFLICT)
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody();

        assertThat(p.get("detail")).isEqualTo("A record with the same unique value already exists");
        assertThat(p.toString()).doesNotContain("secret_constraint");
    }

    @Test
    void a_database_error_answers_500_with_a_generic_detail_and_no_sql() {
        Map<String, Object> p = get(BASE + "/bad-sql", HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat((String) p.get("detail"))
                .startsWith("An unexpected error occurred; it has been logged under id ");
        assertThat(p.toString()).doesNotContain("no_such_table").doesNotContain("SELECT");
    }

    @Test
    void an_unexpected_exception_answers_500_without_its_message_or_stack() {
        Map<String, Object> p = get(BASE + "/boom", HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(p.get("type")).isEqualTo("https://azukari.jp/problems/internal-error");
        assertThat(p.get("errorId")).isNotNull();
        assertThat(p.toString())
                .doesNotContain("hunter2")
                .doesNotContain("com.example")
                .doesNotContain("IllegalState");
    }

    @Test
    void an_unsupported_content_type_answers_415_problem() {
        http().post()
                .uri(BASE + "/body")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=a")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_path_answers_404_problem() {
        Map<String, Object> p = get(BASE + "/no-such-thing", HttpStatus.NOT_FOUND);

        assertThat(p.get("status")).isEqualTo(404);
    }

    @Test
    void a_wrong_method_answers_405_problem() {
        http().delete()
                .uri(BASE + "/boom")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_error_raised_in_a_web_filter_also_answers_a_generic_500_problem() {
        Map<String, Object> p =
                get("/api/v1/test-only/filter-boom", HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(p.get("type")).isEqualTo("https://azukari.jp/problems/internal-error");
        assertThat(p.toString()).doesNotContain("select").doesNotContain("secret");
    }

    @Test
    void a_valid_body_passes_untouched() {
        http().post()
                .uri(BASE + "/body")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"name\":\"a\",\"colour\":\"GREEN\",\"count\":2,\"on\":\"2026-11-25\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.colour")
                .isEqualTo("GREEN")
                .jsonPath("$.on")
                .isEqualTo("2026-11-25");
    }

    static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {};

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(Map<String, Object> problem) {
        return (List<Map<String, String>>) problem.get("errors");
    }

    private Map<String, Object> postBody(Object body, HttpStatus expected) {
        WebTestClient.ResponseSpec response =
                http().post()
                        .uri(BASE + "/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
        return response.expectStatus()
                .isEqualTo(expected)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> get(String uri, HttpStatus expected) {
        return http().get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }
}
