package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Malformed, oversized and inconsistent requests answer a precise 4xx problem and change nothing.
 */
class CustodyBadInputTests extends ApiTestSupport {

    CustodyWorld world;
    String before;

    @BeforeEach
    void aContract() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        before = fingerprint();
    }

    /** Rows in every table the custody API writes. */
    private String fingerprint() {
        return db.sql(
                        """
                SELECT concat_ws(' ', 'contracts', (SELECT count(*) FROM contract), 'assets', (SELECT count(*) FROM asset),
                       'events', (SELECT count(*) FROM custody_event), 'transfers', (SELECT count(*) FROM transfer),
                       'approvals', (SELECT count(*) FROM approval))""")
                .map(r -> r.get(0, String.class))
                .one()
                .block();
    }

    private WebTestClient.BodyContentSpec postRaw(String uri, String json, int status) {
        return as(world.clerk)
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    private String assetsUri() {
        return "/api/v1/contracts/" + world.contractId + "/assets";
    }

    @Test
    void malformed_json_is_a_400_problem() {
        postRaw(assetsUri(), "{\"assets\": [ {\"kind\": \"DATA\", ", 400)
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).isNotBlank());
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void an_unknown_enum_value_names_the_field() {
        postRaw(
                        assetsUri(),
                        "{\"assets\":[{\"kind\":\"FLOPPY\",\"title\":\"t\",\"sensitivity\":\"PUBLIC\"}]}",
                        400)
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("FLOPPY"));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void missing_fields_are_listed() {
        postRaw(assetsUri(), "{\"assets\":[{\"kind\":\"DATA\"}]}", 400)
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat(f.toString()).contains("title").contains("sensitivity"));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void a_10_mb_body_is_refused_as_too_large() {
        String huge =
                "{\"assets\":[{\"kind\":\"DATA\",\"sensitivity\":\"PUBLIC\",\"title\":\""
                        + "x".repeat(10 * 1024 * 1024)
                        + "\"}]}";
        postRaw(assetsUri(), huge, 413);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void one_thousand_and_one_assets_in_one_request_are_refused_and_one_thousand_are_registered() {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            assets.add(Map.of("kind", "DOCUMENT", "title", "資料 " + i, "sensitivity", "INTERNAL"));
        }
        as(world.clerk)
                .post()
                .uri(assetsUri())
                .bodyValue(Map.of("assets", assets))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("assets");
        assertThat(fingerprint()).isEqualTo(before);
        var registered =
                as(world.clerk)
                        .post()
                        .uri(assetsUri())
                        .bodyValue(Map.of("assets", assets.subList(0, 1000)))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBodyList(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(registered).hasSize(1000);
        assertThat(registered.stream().map(m -> m.get("tag")).distinct().count()).isEqualTo(1000);
    }

    @Test
    void a_tag_already_in_use_or_malformed_is_refused_and_nothing_of_the_batch_is_kept() {
        String tag = ("T-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        as(world.clerk)
                .post()
                .uri(assetsUri())
                .bodyValue(
                        Map.of(
                                "assets",
                                List.of(
                                        Map.of(
                                                "tag",
                                                tag,
                                                "kind",
                                                "DATA",
                                                "title",
                                                "a",
                                                "sensitivity",
                                                "PUBLIC"))))
                .exchange()
                .expectStatus()
                .isCreated();
        String afterFirst = fingerprint();
        as(world.clerk)
                .post()
                .uri(assetsUri())
                .bodyValue(
                        Map.of(
                                "assets",
                                List.of(
                                        Map.of(
                                                "kind",
                                                "DATA",
                                                "title",
                                                "fresh",
                                                "sensitivity",
                                                "PUBLIC"),
                                        Map.of(
                                                "tag",
                                                tag,
                                                "kind",
                                                "DATA",
                                                "title",
                                                "b",
                                                "sensitivity",
                                                "PUBLIC"))))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(tag));
        assertThat(fingerprint()).isEqualTo(afterFirst);
        as(world.clerk)
                .post()
                .uri(assetsUri())
                .bodyValue(
                        Map.of(
                                "assets",
                                List.of(
                                        Map.of(
                                                "tag",
                                                "lower-case",
                                                "kind",
                                                "DATA",
                                                "title",
                                                "b",
                                                "sensitivity",
                                                "PUBLIC"))))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(afterFirst);
    }

    @Test
    void contract_dates_out_of_order_are_refused() {
        as(world.manager)
                .post()
                .uri("/api/v1/contracts")
                .bodyValue(
                        Map.of(
                                "number",
                                unique("D"),
                                "title",
                                "t",
                                "contractorPartyId",
                                world.contractor,
                                "startsOn",
                                "2026-04-01",
                                "endsOn",
                                "2026-03-31"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("endsOn").contains("startsOn"));
        as(world.manager)
                .post()
                .uri("/api/v1/contracts")
                .bodyValue(
                        Map.of(
                                "number",
                                unique("D"),
                                "title",
                                "t",
                                "contractorPartyId",
                                world.contractor,
                                "startsOn",
                                "2026-04-01",
                                "endsOn",
                                "2026-05-31",
                                "returnDueOn",
                                "2026-03-01"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(world.manager)
                .post()
                .uri("/api/v1/contracts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"number\":\"X\",\"title\":\"t\",\"contractorPartyId\":\""
                                + world.contractor
                                + "\",\"startsOn\":\"2026-02-30\",\"endsOn\":\"2026-05-31\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void an_unknown_transfer_kind_a_bad_uuid_and_an_unknown_asset_are_each_a_clear_4xx() {
        postRaw(
                        "/api/v1/transfers",
                        "{\"kind\":\"TELEPORT\",\"assetIds\":[\"" + UUID.randomUUID() + "\"]}",
                        400)
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("TELEPORT"));
        postRaw("/api/v1/transfers", "{\"kind\":\"ISSUE\",\"assetIds\":[\"not-a-uuid\"]}", 400);
        postRaw("/api/v1/transfers", "{\"kind\":\"ISSUE\",\"assetIds\":[]}", 400);
        postRaw(
                "/api/v1/transfers",
                "{\"kind\":\"ISSUE\",\"assetIds\":[\"" + UUID.randomUUID() + "\"]}",
                404);
        as(world.clerk)
                .get()
                .uri("/api/v1/assets/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void an_approval_with_a_past_validity_or_without_its_subcontractor_is_refused() {
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/approvals")
                .bodyValue(
                        Map.of(
                                "contractId",
                                world.contractId,
                                "kind",
                                "COPY",
                                "validUntil",
                                LocalDate.now().minusDays(2).toString(),
                                "reason",
                                "r"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/approvals")
                .bodyValue(
                        Map.of(
                                "contractId",
                                world.contractId,
                                "kind",
                                "PROVIDE_TO_SUBCONTRACTOR",
                                "validUntil",
                                LocalDate.now().plusDays(2).toString(),
                                "reason",
                                "r"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(fingerprint()).isEqualTo(before);
    }
}
