package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Scoping and role checks on the custody API (SPEC §2): what another party cannot see, and who may
 * not write.
 */
class CustodyAccessTests extends ApiTestSupport {

    CustodyWorld world;
    List<UUID> assets;
    UUID transfer;
    UUID approval;

    @BeforeEach
    void aContractWithIssuedAssetsAnOpenHandoffAndAnApproval() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(5), LocalDate.now().plusDays(30));
        assets = world.registerAssets(3).stream().map(Asset::id).toList();
        world.issue(assets);
        approval = world.approveHandoff(assets.subList(0, 1), LocalDate.now().plusDays(10));
        transfer =
                world.open(
                                world.contractorCustodian,
                                "HANDOFF",
                                world.subcontractor,
                                approval,
                                assets.subList(0, 1))
                        .id();
    }

    @Test
    void a_custodian_of_another_contractor_gets_404_on_every_id_of_this_contract() {
        UUID otherContractor = party(unique("other contractor"), PartyKind.CONTRACTOR);
        var stranger = user(Role.CUSTODIAN, otherContractor);
        var client = as(stranger);
        UUID asset = assets.get(0);
        List<String> gets =
                List.of(
                        "/api/v1/contracts/" + world.contractId,
                        "/api/v1/contracts/" + world.contractId + "/assets",
                        "/api/v1/assets/" + asset,
                        "/api/v1/assets/" + asset + "/events",
                        "/api/v1/transfers/" + transfer,
                        "/api/v1/approvals/" + approval);
        for (String uri : gets) {
            client.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith("application/problem+json");
        }
        client.post()
                .uri("/api/v1/transfers/{id}/confirm", transfer)
                .bodyValue(Map.of("assetIds", List.of(asset)))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/api/v1/transfers/{id}/cancel", transfer)
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/api/v1/transfers")
                .bodyValue(Map.of("kind", "RETURN", "assetIds", List.of(asset)))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.post()
                .uri("/api/v1/approvals")
                .bodyValue(
                        Map.of(
                                "contractId",
                                world.contractId,
                                "kind",
                                "COPY",
                                "validUntil",
                                LocalDate.now().plusDays(3).toString(),
                                "reason",
                                "x"))
                .exchange()
                .expectStatus()
                .isNotFound();

        // and lists leave them out
        assertThat(ids(client, "/api/v1/contracts")).doesNotContain(world.contractId.toString());
        assertThat(ids(client, "/api/v1/assets"))
                .doesNotContainAnyElementsOf(assets.stream().map(UUID::toString).toList());
        assertThat(ids(client, "/api/v1/transfers")).doesNotContain(transfer.toString());
        assertThat(ids(client, "/api/v1/approvals")).doesNotContain(approval.toString());
    }

    @Test
    void the_subcontractor_sees_only_what_it_was_offered() {
        var client = as(world.subCustodian);
        client.get().uri("/api/v1/assets/{id}", assets.get(0)).exchange().expectStatus().isOk();
        client.get()
                .uri("/api/v1/assets/{id}", assets.get(1))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get().uri("/api/v1/transfers/{id}", transfer).exchange().expectStatus().isOk();
        assertThat(ids(client, "/api/v1/contracts/" + world.contractId + "/assets"))
                .containsExactly(assets.get(0).toString());
    }

    @Test
    void a_clerk_cannot_decide_approvals() {
        UUID asked = askCopyApproval();
        as(world.clerk)
                .post()
                .uri("/api/v1/approvals/{id}/decision", asked)
                .bodyValue(Map.of("decision", "APPROVED"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.auditor)
                .get()
                .uri("/api/v1/approvals/{id}", asked)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
    }

    @Test
    void an_auditor_reads_everything_and_can_write_nothing() {
        UUID asked = askCopyApproval();
        String moves =
                "SELECT count(*) FROM custody_event WHERE contract_id = '"
                        + world.contractId
                        + "' AND type <> 'REFUSED'";
        long movesBefore = count(moves);
        var auditor = as(world.auditor);
        record Write(HttpMethod method, String uri, Object body) {}
        List<Write> writes =
                List.of(
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/contracts",
                                Map.of(
                                        "number",
                                        unique("X"),
                                        "title",
                                        "t",
                                        "contractorPartyId",
                                        world.contractor,
                                        "startsOn",
                                        "2026-01-01",
                                        "endsOn",
                                        "2026-12-31")),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/contracts/" + world.contractId + "/assets",
                                Map.of(
                                        "assets",
                                        List.of(
                                                Map.of(
                                                        "kind",
                                                        "DATA",
                                                        "title",
                                                        "t",
                                                        "sensitivity",
                                                        "PUBLIC")))),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/approvals",
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "COPY",
                                        "validUntil",
                                        LocalDate.now().plusDays(3).toString(),
                                        "reason",
                                        "x")),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/approvals/" + asked + "/decision",
                                Map.of("decision", "APPROVED")),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/transfers",
                                Map.of("kind", "RETURN", "assetIds", assets.subList(1, 2))),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/transfers/" + transfer + "/confirm",
                                Map.of("assetIds", assets.subList(0, 1))),
                        new Write(
                                HttpMethod.POST,
                                "/api/v1/transfers/" + transfer + "/cancel",
                                Map.of()));
        for (Write w : writes) {
            auditor.method(w.method())
                    .uri(w.uri())
                    .bodyValue(w.body())
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith("application/problem+json");
        }
        // reads work, and nothing moved but the refusals the attempts left as evidence
        auditor.get()
                .uri("/api/v1/transfers/{id}", transfer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OPEN");
        auditor.get()
                .uri("/api/v1/approvals/{id}", asked)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
        assertThat(
                        count(
                                "SELECT count(*) FROM asset WHERE contract_id = '"
                                        + world.contractId
                                        + "'"))
                .isEqualTo(3);
        assertThat(count(moves)).isEqualTo(movesBefore);
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE contract_id = '"
                                        + world.contractId
                                        + "' AND type = 'REFUSED' AND refusal_code = 'ROLE_NOT_PERMITTED' AND actor_user_id = '"
                                        + world.auditor.id()
                                        + "'"))
                .as("the auditor's refused custody attempts are kept as evidence")
                .isEqualTo(2);
    }

    private UUID askCopyApproval() {
        Map<?, ?> asked =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        assets.subList(1, 2),
                                        "validUntil",
                                        LocalDate.now().plusDays(3).toString(),
                                        "reason",
                                        "バックアップ用複製"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return UUID.fromString((String) asked.get("id"));
    }

    private List<String> ids(
            org.springframework.test.web.reactive.server.WebTestClient client, String uri) {
        List<Map> rows =
                client.get()
                        .uri(uri)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Map.class)
                        .returnResult()
                        .getResponseBody();
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
    }
}
