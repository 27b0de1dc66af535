package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4 end to end over HTTP: issue, refused handoff, approved handoff, recovery, return,
 * verified ledger.
 */
class CustodyScenarioTests extends ApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(
            int seq,
            String type,
            String refusalCode,
            String article,
            String prevHash,
            String hash,
            String deviceId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verification(
            boolean verified,
            long assetsChecked,
            long eventsChecked,
            Map<String, Object> firstBrokenLink) {}

    @Test
    void twenty_assets_go_out_to_a_subcontractor_come_back_and_every_chain_verifies() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(60));
        List<Asset> assets = world.registerAssets(20);
        assertThat(assets)
                .hasSize(20)
                .allSatisfy(
                        a -> {
                            assertThat(a.custodyState()).isEqualTo("REGISTERED");
                            assertThat(a.tag()).matches("A-\\d{4}-\\d{6}");
                        });
        List<UUID> all = assets.stream().map(Asset::id).toList();
        List<UUID> five = all.subList(0, 5);

        // ISSUE, confirmed by the contractor: custody moves only on confirmation
        var issue = world.open(world.clerk, "ISSUE", null, null, all);
        assertThat(issue.status()).isEqualTo("OPEN");
        assertThat(asset(world, all.get(0)).custodyState()).isEqualTo("REGISTERED");
        var issued = world.confirm(world.contractorCustodian, issue.id(), all);
        assertThat(issued.status()).isEqualTo("COMPLETED");
        assertThat(asset(world, all.get(0)).custodyState()).isEqualTo("WITH_CONTRACTOR");

        // HANDOFF without approval: refused with the rule and article, and recorded
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(
                        Map.of(
                                "kind",
                                "HANDOFF",
                                "toPartyId",
                                world.subcontractor,
                                "assetIds",
                                five))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("APPROVAL_REQUIRED")
                .jsonPath("$.article")
                .isEqualTo("4")
                .jsonPath("$.refusals.length()")
                .isEqualTo(5);

        // approved, then handed off and confirmed by the subcontractor
        UUID approval = world.approveHandoff(five, LocalDate.now().plusDays(30));
        var handoff =
                world.open(
                        world.contractorCustodian, "HANDOFF", world.subcontractor, approval, five);
        world.confirm(world.subCustodian, handoff.id(), five);
        assertThat(asset(world, five.get(0)).custodyState()).isEqualTo("WITH_SUBCONTRACTOR");
        assertThat(asset(world, five.get(0)).holderPartyId()).isEqualTo(world.subcontractor);

        // a return while the subcontractor holds some is refused (art. 7)
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(Map.of("kind", "RETURN", "assetIds", all))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SUBCONTRACTOR_HOLDS")
                .jsonPath("$.article")
                .isEqualTo("7");

        // RECOVER, started by the subcontractor, confirmed by the contractor
        var recover = world.open(world.subCustodian, "RECOVER", null, null, five);
        world.confirm(world.contractorCustodian, recover.id(), five);

        // RETURN of all twenty, confirmed by a clerk at the counter
        var ret = world.open(world.contractorCustodian, "RETURN", null, null, all);
        var returned = world.confirm(world.clerk, ret.id(), all);
        assertThat(returned.status()).isEqualTo("COMPLETED");
        assertThat(all)
                .allSatisfy(
                        id -> assertThat(asset(world, id).custodyState()).isEqualTo("RETURNED"));

        // every chain verifies, and a handed-off asset's history reads in order
        var verification =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/ledger/verify?contractId={id}", world.contractId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Verification.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.assetsChecked()).isEqualTo(20);

        List<Event> history =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/assets/{id}/events", five.get(0))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Event.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(history)
                .extracting(Event::type)
                .containsExactly(
                        "REGISTERED",
                        "TRANSFER_OPENED",
                        "ISSUED",
                        "REFUSED",
                        "TRANSFER_OPENED",
                        "HANDED_OFF",
                        "REFUSED",
                        "TRANSFER_OPENED",
                        "RECOVERED",
                        "TRANSFER_OPENED",
                        "RETURNED");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).seq()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(history.get(i).prevHash()).isEqualTo(history.get(i - 1).hash());
            }
        }
        assertThat(history.get(3).refusalCode()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(history.get(6).refusalCode()).isEqualTo("SUBCONTRACTOR_HOLDS");
        assertThat(history.get(2).deviceId()).isEqualTo("test-device");

        // an asset never handed off has the plain history: the refused return named only the five
        // held outside
        List<Event> plain =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/assets/{id}/events", all.get(19))
                        .exchange()
                        .expectBodyList(Event.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(plain)
                .extracting(Event::type)
                .containsExactly(
                        "REGISTERED", "TRANSFER_OPENED", "ISSUED", "TRANSFER_OPENED", "RETURNED");
    }

    private Asset asset(CustodyWorld world, UUID id) {
        return as(world.auditor)
                .get()
                .uri("/api/v1/assets/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Asset.class)
                .returnResult()
                .getResponseBody();
    }
}
