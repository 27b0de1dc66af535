package jp.azukari.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.SecondInstance;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 10, "label guessing leaves evidence": forged, foreign and malformed labels presented to
 * /labels/resolve and /scans are recorded (who, when, device, what), rate-limited per user on every
 * instance, and shown to auditors.
 */
class LabelEvidenceTests extends ApiTestSupport {

    @Autowired LabelService labels;

    @Test
    void
            five_hundred_forged_labels_leave_five_hundred_evidence_rows_and_then_the_user_is_refused_with_retry_after()
                    throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                java.time.LocalDate.now().minusDays(1),
                                java.time.LocalDate.now().plusDays(30));
        String tag = world.registerAssets(1).get(0).tag();
        LabelPayloadCodec codec = labels.codec().block();
        String good = codec.labelPayload(tag);
        Instant from = Instant.now().minusSeconds(1);
        TestUser guesser = world.contractorCustodian;

        // 400 through /scans in four batches (forged, and a few malformed and foreign), 100 through
        // /labels/resolve
        for (int b = 0; b < 4; b++) {
            List<Map<String, Object>> scans = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String payload =
                        i == 0
                                ? "NOT A LABEL " + b
                                : i == 1
                                        ? "AZ1:ZZZZ:" + tag + ":AAAAAAAAAAAA"
                                        : forged(good, b * 100 + i);
                scans.add(scan(payload));
            }
            as(guesser)
                    .post()
                    .uri("/api/v1/scans")
                    .bodyValue(Map.of("deviceId", "counter-7", "scans", scans))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.results[2].result")
                    .isEqualTo("LABEL_FORGED");
        }
        for (int i = 0; i < 100; i++) {
            String payload = forged(good, 1000 + i);
            as(guesser)
                    .get()
                    .uri(
                            u ->
                                    u.path("/api/v1/labels/resolve")
                                            .queryParam("payload", "{p}")
                                            .build(payload))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422);
        }
        assertThat(rows(guesser.id())).isEqualTo(500);

        // further ones are refused, on this instance and on another, good labels included, and
        // leave no more rows
        var refused =
                as(guesser)
                        .post()
                        .uri("/api/v1/scans")
                        .bodyValue(
                                Map.of(
                                        "deviceId",
                                        "counter-7",
                                        "scans",
                                        List.of(scan(forged(good, 9999)))))
                        .exchange()
                        .expectStatus()
                        .isEqualTo(429)
                        .expectHeader()
                        .exists(HttpHeaders.RETRY_AFTER)
                        .expectBody()
                        .jsonPath("$.code")
                        .isEqualTo("LABEL_GUESSING_LIMITED")
                        .returnResult();
        long retryAfter =
                Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(3_000L, 3_601L);
        as(guesser)
                .get()
                .uri(u -> u.path("/api/v1/labels/resolve").queryParam("payload", "{p}").build(good))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        WebTestClient there =
                SecondInstance.http()
                        .mutate()
                        .defaultHeader("Authorization", "Bearer " + guesser.token())
                        .build();
        there.get()
                .uri(
                        u ->
                                u.path("/api/v1/labels/resolve")
                                        .queryParam("payload", "{p}")
                                        .build(forged(good, 5)))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER);
        assertThat(rows(guesser.id())).isEqualTo(500);

        // someone else is not affected
        as(world.clerk)
                .get()
                .uri(u -> u.path("/api/v1/labels/resolve").queryParam("payload", "{p}").build(good))
                .exchange()
                .expectStatus()
                .isOk();

        // an auditor reads them, JSON and CSV; nobody else may
        List<?> json =
                as(world.auditor)
                        .get()
                        .uri(
                                "/api/v1/evidence/labels?user={u}&from={f}&limit=5000",
                                guesser.id(),
                                from)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(List.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(json).hasSize(500);
        Map<?, ?> first = (Map<?, ?>) json.get(json.size() - 1);
        assertThat(first.get("username")).isEqualTo(guesser.username());
        assertThat(
                        json.stream()
                                .map(e -> String.valueOf(((Map<?, ?>) e).get("kind")))
                                .distinct()
                                .toList())
                .containsExactlyInAnyOrder("LABEL_FORGED", "LABEL_FOREIGN", "LABEL_MALFORMED");
        assertThat(
                        json.stream()
                                .filter(e -> "counter-7".equals(((Map<?, ?>) e).get("deviceId")))
                                .count())
                .isEqualTo(400);
        assertThat(
                        json.stream()
                                .filter(
                                        e ->
                                                "/api/v1/labels/resolve"
                                                        .equals(((Map<?, ?>) e).get("endpoint")))
                                .count())
                .isEqualTo(100);
        assertThat(json.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("presented"))))
                .contains(forged(good, 1000), "NOT A LABEL 0");
        String csv =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/evidence/labels?user={u}", guesser.id())
                        .header(HttpHeaders.ACCEPT, "text/csv")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(501);
        as(world.manager)
                .get()
                .uri("/api/v1/evidence/labels")
                .exchange()
                .expectStatus()
                .isForbidden();
        as(guesser).get().uri("/api/v1/evidence/labels").exchange().expectStatus().isForbidden();
    }

    @Test
    void the_application_role_can_add_evidence_but_never_change_or_remove_it() throws SQLException {
        try (Connection c = TestDatabase.applicationRoleConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO evidence (id, occurred_at, kind, endpoint, presented) "
                            + "VALUES (gen_random_uuid(), now(), 'LABEL_MALFORMED', '/api/v1/scans', 'a row to protect')");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE evidence SET detail = 'x'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evidence"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE evidence"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = TestDatabase.superuserConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evidence"))
                    .as("the trigger refuses even the owner")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    /** The genuine payload with its MAC changed: a label a forger would try. */
    private static String forged(String good, int n) {
        String mac =
                String.format(
                                "%12s",
                                Long.toString(n, 32)
                                        .toUpperCase()
                                        .replace('0', 'A')
                                        .replace('1', 'B'))
                        .replace(' ', 'Q');
        return good.substring(0, good.lastIndexOf(':') + 1)
                + mac.replace('8', 'C').replace('9', 'D');
    }

    private static Map<String, Object> scan(String payload) {
        Map<String, Object> m = new HashMap<>();
        m.put("scanId", UUID.randomUUID());
        m.put("payload", payload);
        m.put("scannedAt", Instant.now().toString());
        m.put("purpose", "LOOKUP");
        return m;
    }

    private long rows(UUID user) {
        return db.sql("SELECT count(*) AS n FROM evidence WHERE user_id = :u")
                .bind("u", user)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
