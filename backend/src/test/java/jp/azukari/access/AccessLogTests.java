package jp.azukari.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Art. 2.1: contractor-side reads of asset records are recorded, searchable by an auditor, and end
 * with the contract.
 */
class AccessLogTests extends ClockedApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(
            UUID userId,
            String username,
            UUID assetId,
            String tag,
            UUID contractId,
            String action,
            String outcome,
            String refusalCode,
            String deviceId,
            String address) {}

    @Test
    void
            a_thousand_reads_by_a_custodian_are_a_thousand_entries_an_auditor_finds_by_asset_and_by_user() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(60));
        var assets = world.registerAssets(2);
        UUID read = assets.get(0).id();
        world.issue(List.of(read, assets.get(1).id()));

        WebClient client =
                WebClient.builder()
                        .baseUrl("http://localhost:" + port)
                        .defaultHeader(
                                "Authorization", "Bearer " + world.contractorCustodian.token())
                        .defaultHeader("X-Device-Id", "tablet-07")
                        .build();
        Long ok =
                Flux.range(0, 1000)
                        .flatMap(
                                i ->
                                        client.get()
                                                .uri("/api/v1/assets/{id}", read)
                                                .retrieve()
                                                .toBodilessEntity(),
                                32)
                        .filter(r -> r.getStatusCode().is2xxSuccessful())
                        .count()
                        .block();
        assertThat(ok).isEqualTo(1000);
        // agency-side reads are not the contractor's use of the information: not recorded
        as(world.clerk).get().uri("/api/v1/assets/{id}", read).exchange().expectStatus().isOk();

        List<Entry> byAsset =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/access-log?assetId={id}&limit=5000", read)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Entry.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(byAsset)
                .hasSize(1000)
                .allSatisfy(
                        e -> {
                            assertThat(e.userId()).isEqualTo(world.contractorCustodian.id());
                            assertThat(e.username())
                                    .isEqualTo(world.contractorCustodian.username());
                            assertThat(e.action()).isEqualTo("DETAIL");
                            assertThat(e.outcome()).isEqualTo("READ");
                            assertThat(e.deviceId()).isEqualTo("tablet-07");
                            assertThat(e.address()).isNotBlank();
                            assertThat(e.tag()).isEqualTo(assets.get(0).tag());
                        });
        List<Entry> byUser =
                as(world.auditor)
                        .get()
                        .uri(
                                "/api/v1/access-log?userId={u}&from={d}&to={d}&limit=5000",
                                world.contractorCustodian.id(),
                                LocalDate.now(TOKYO),
                                LocalDate.now(TOKYO))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Entry.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(byUser).hasSize(1000);
        assertThat(
                        as(world.auditor)
                                .get()
                                .uri(
                                        "/api/v1/access-log?userId={u}&from={d}",
                                        world.contractorCustodian.id(),
                                        LocalDate.now(TOKYO).plusDays(1))
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBodyList(Entry.class)
                                .returnResult()
                                .getResponseBody())
                .isEmpty();

        String csv =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/access-log?assetId={id}", read)
                        .header("Accept", "text/csv")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(csv.lines().count()).isEqualTo(1001);
        assertThat(csv.lines().skip(1))
                .allSatisfy(
                        l ->
                                assertThat(l)
                                        .contains(
                                                world.contractorCustodian.username(),
                                                "DETAIL",
                                                "tablet-07"));
    }

    @Test
    void events_and_labels_are_recorded_and_only_an_agency_auditor_or_manager_searches() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(60));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/assets/{id}/events", asset.id())
                .exchange()
                .expectStatus()
                .isOk();
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/assets/{id}/label.svg", asset.id())
                .exchange()
                .expectStatus()
                .isOk();

        var actions =
                as(world.manager)
                        .get()
                        .uri("/api/v1/access-log?assetId={id}", asset.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Entry.class)
                        .returnResult()
                        .getResponseBody()
                        .stream()
                        .map(Entry::action)
                        .toList();
        assertThat(actions).containsExactly("EVENTS", "LABEL");
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/access-log?assetId={id}", asset.id())
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/access-log?assetId={id}", asset.id())
                .header("Accept", "text/csv")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void after_the_contract_is_closed_a_contractor_read_is_refused_and_the_refusal_recorded() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(30), LocalDate.now().minusDays(1));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        var ret = world.open(world.contractorCustodian, "RETURN", null, null, List.of(asset.id()));
        world.confirm(world.clerk, ret.id(), List.of(asset.id()));
        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/complete", world.contractId)
                .exchange()
                .expectStatus()
                .isOk();
        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/close", world.contractId)
                .exchange()
                .expectStatus()
                .isOk();

        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/assets/{id}", asset.id())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CONTRACT_CLOSED_NO_USE")
                .jsonPath("$.article")
                .isEqualTo("2.1")
                .jsonPath("$.tag")
                .doesNotExist();
        // the agency keeps its records
        as(world.auditor)
                .get()
                .uri("/api/v1/assets/{id}", asset.id())
                .exchange()
                .expectStatus()
                .isOk();

        var entries =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/access-log?assetId={id}", asset.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Entry.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(entries)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.outcome()).isEqualTo("REFUSED");
                            assertThat(e.refusalCode()).isEqualTo("CONTRACT_CLOSED_NO_USE");
                        });
    }

    @Test
    void the_application_role_cannot_update_or_delete_access_log_rows() throws SQLException {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(60));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/assets/{id}", asset.id())
                .exchange()
                .expectStatus()
                .isOk();

        try (Connection c = TestDatabase.applicationRoleConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "UPDATE asset_access SET device_id = 'x' WHERE asset_id = '"
                                                    + asset.id()
                                                    + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(
                            () ->
                                    s.executeUpdate(
                                            "DELETE FROM asset_access WHERE asset_id = '"
                                                    + asset.id()
                                                    + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE asset_access"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(
                        as(world.auditor)
                                .get()
                                .uri("/api/v1/access-log?assetId={id}", asset.id())
                                .exchange()
                                .expectBodyList(Map.class)
                                .returnResult()
                                .getResponseBody())
                .hasSize(1);
    }
}
