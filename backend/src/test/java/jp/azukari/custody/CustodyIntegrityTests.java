package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Races decided by the database, a ledger the application cannot rewrite, and tampering that
 * verification names.
 */
class CustodyIntegrityTests extends ApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verification(
            boolean verified,
            Map<String, Object> firstBrokenLink,
            List<Map<String, Object>> brokenLinks) {}

    record Outcome(int status, String body) {}

    private Mono<Outcome> post(String token, String uri, Object body) {
        return WebClient.create("http://localhost:" + port)
                .post()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(
                        r ->
                                r.bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .map(b -> new Outcome(r.statusCode().value(), b)));
    }

    @Test
    void two_clients_confirming_the_same_line_at_once_exactly_one_wins() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        var secondCustodian = user(jp.azukari.common.Role.CUSTODIAN, world.contractor);
        for (int round = 0; round < 5; round++) {
            List<UUID> two = world.registerAssets(2).stream().map(Asset::id).toList();
            var t = world.open(world.clerk, "ISSUE", null, null, two);
            var body =
                    Map.of(
                            "assetIds",
                            List.of(two.get(0)),
                            "deviceId",
                            "race",
                            "acknowledgedHandling",
                            true);
            List<Outcome> outcomes =
                    Flux.merge(
                                    post(
                                            world.contractorCustodian.token(),
                                            "/api/v1/transfers/" + t.id() + "/confirm",
                                            body),
                                    post(
                                            secondCustodian.token(),
                                            "/api/v1/transfers/" + t.id() + "/confirm",
                                            body))
                            .collectList()
                            .block();
            assertThat(outcomes).extracting(Outcome::status).containsExactlyInAnyOrder(200, 409);
            assertThat(outcomes)
                    .filteredOn(o -> o.status() == 409)
                    .first()
                    .satisfies(
                            o -> assertThat(o.body()).contains("\"code\":\"ALREADY_CONFIRMED\""));
            assertThat(
                            count(
                                    "SELECT count(*) FROM custody_event WHERE asset_id = '"
                                            + two.get(0)
                                            + "' AND type = 'ISSUED'"))
                    .isEqualTo(1);
        }
        assertVerified(world);
    }

    @Test
    void two_clients_opening_transfers_for_the_same_asset_at_once_exactly_one_wins() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        var secondClerk = user(jp.azukari.common.Role.CLERK, world.agency);
        for (int round = 0; round < 5; round++) {
            UUID asset = world.registerAssets(1).get(0).id();
            var body = Map.of("kind", "ISSUE", "assetIds", List.of(asset));
            List<Outcome> outcomes =
                    Flux.merge(
                                    post(world.clerk.token(), "/api/v1/transfers", body),
                                    post(secondClerk.token(), "/api/v1/transfers", body))
                            .collectList()
                            .block();
            assertThat(outcomes).extracting(Outcome::status).containsExactlyInAnyOrder(201, 409);
            assertThat(outcomes)
                    .filteredOn(o -> o.status() == 409)
                    .first()
                    .satisfies(
                            o -> assertThat(o.body()).contains("\"code\":\"ALREADY_IN_TRANSFER\""));
            assertThat(
                            count(
                                    "SELECT count(*) FROM transfer_line WHERE asset_id = '"
                                            + asset
                                            + "' AND status = 'PENDING'"))
                    .isEqualTo(1);
        }
        assertVerified(world);
    }

    @Test
    void
            a_retried_open_with_the_same_idempotency_key_answers_the_first_transfer_even_when_sent_at_once() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        UUID asset = world.registerAssets(1).get(0).id();
        String key = UUID.randomUUID().toString();
        var body = Map.of("kind", "ISSUE", "assetIds", List.of(asset));
        List<Outcome> outcomes =
                Flux.merge(
                                postWithKey(world.clerk.token(), key, body),
                                postWithKey(world.clerk.token(), key, body))
                        .collectList()
                        .block();
        assertThat(outcomes).extracting(Outcome::status).containsExactlyInAnyOrder(201, 200);
        assertThat(outcomes.get(0).body()).contains(outcomes.get(1).body().substring(6, 42));
        Outcome third = postWithKey(world.clerk.token(), key, body).block();
        assertThat(third.status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM transfer_line WHERE asset_id = '" + asset + "'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE asset_id = '"
                                        + asset
                                        + "' AND type = 'REFUSED'"))
                .isZero();
    }

    private Mono<Outcome> postWithKey(String token, String key, Object body) {
        return WebClient.create("http://localhost:" + port)
                .post()
                .uri("/api/v1/transfers")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(
                        r ->
                                r.bodyToMono(String.class)
                                        .defaultIfEmpty("")
                                        .map(b -> new Outcome(r.statusCode().value(), b)));
    }

    @Test
    void the_application_role_cannot_update_or_delete_ledger_events() throws SQLException {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        UUID asset = world.registerAssets(1).get(0).id();
        try (Connection app = TestDatabase.applicationRoleConnection();
                var s = app.createStatement()) {
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "UPDATE custody_event SET note = 'rewritten' WHERE asset_id = '"
                                                    + asset
                                                    + "'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "DELETE FROM custody_event WHERE asset_id = '"
                                                    + asset
                                                    + "'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE custody_event"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection owner = TestDatabase.superuserConnection();
                var s = owner.createStatement()) {
            // even a role allowed to write the table meets the trigger
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "UPDATE custody_event SET note = 'rewritten' WHERE asset_id = '"
                                                    + asset
                                                    + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE asset_id = '"
                                        + asset
                                        + "' AND note = 'rewritten'"))
                .isZero();
    }

    @Test
    void a_row_changed_behind_the_applications_back_is_named_by_verification() throws SQLException {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> assets = world.registerAssets(3).stream().map(Asset::id).toList();
        world.issue(assets);
        UUID victim = assets.get(1);
        String original;
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            var rs =
                    s.executeQuery(
                            "SELECT to_party_id FROM custody_event WHERE asset_id = '"
                                    + victim
                                    + "' AND seq = 3");
            rs.next();
            original = rs.getString(1);
            s.execute(
                    "SET session_replication_role = replica"); // the owner switches the trigger off
            s.executeUpdate(
                    "UPDATE custody_event SET to_party_id = '"
                            + UUID.randomUUID()
                            + "' WHERE asset_id = '"
                            + victim
                            + "' AND seq = 3");
        }
        try {
            var report =
                    as(world.auditor)
                            .get()
                            .uri("/api/v1/ledger/verify?contractId={id}", world.contractId)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(Verification.class)
                            .returnResult()
                            .getResponseBody();
            assertThat(report.verified()).isFalse();
            assertThat(report.firstBrokenLink())
                    .containsEntry("assetId", victim.toString())
                    .containsEntry("seq", 3);
            assertThat(report.brokenLinks()).hasSize(1);
            var global =
                    as(world.auditor)
                            .get()
                            .uri("/api/v1/ledger/verify")
                            .exchange()
                            .expectBody(Verification.class)
                            .returnResult()
                            .getResponseBody();
            assertThat(global.verified()).isFalse();
            assertThat(global.brokenLinks())
                    .anySatisfy(
                            b ->
                                    assertThat(b)
                                            .containsEntry("assetId", victim.toString())
                                            .containsEntry("seq", 3));
        } finally {
            try (Connection su = TestDatabase.superuserConnection();
                    var s = su.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.executeUpdate(
                        "UPDATE custody_event SET to_party_id = '"
                                + original
                                + "' WHERE asset_id = '"
                                + victim
                                + "' AND seq = 3");
            }
        }
        assertVerified(world);
    }

    @Test
    void a_deleted_last_event_is_caught_by_the_chain_head() throws SQLException {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        UUID asset = world.registerAssets(1).get(0).id();
        world.issue(List.of(asset));
        List<String> saved = new ArrayList<>();
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(
                    "CREATE TEMP TABLE saved AS SELECT * FROM custody_event WHERE asset_id = '"
                            + asset
                            + "' AND seq = 3");
            s.executeUpdate(
                    "DELETE FROM custody_event WHERE asset_id = '" + asset + "' AND seq = 3");
            var report =
                    as(world.auditor)
                            .get()
                            .uri("/api/v1/ledger/verify?contractId={id}", world.contractId)
                            .exchange()
                            .expectBody(Verification.class)
                            .returnResult()
                            .getResponseBody();
            assertThat(report.verified()).isFalse();
            assertThat(report.firstBrokenLink())
                    .containsEntry("assetId", asset.toString())
                    .containsEntry("seq", 3);
            s.executeUpdate("INSERT INTO custody_event SELECT * FROM saved");
            saved.add("restored");
        }
        assertThat(saved).containsExactly("restored");
        assertVerified(world);
    }

    private void assertVerified(CustodyWorld world) {
        as(world.auditor)
                .get()
                .uri("/api/v1/ledger/verify?contractId={id}", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verified")
                .isEqualTo(true);
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
    }
}
