package jp.azukari.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.ContractEndActions;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;

/**
 * Article 2.3: copies and take-outs only under the agency's prior approval; refusals are recorded.
 */
class CopyAndTakeOutTests extends ClockedApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(
            String type, String refusalCode, String article, UUID approvalId, String location) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Copy(
            UUID id,
            String tag,
            UUID copyOf,
            String custodyState,
            UUID holderPartyId,
            String dueOn,
            int ledgerLength) {}

    static final LocalDate TODAY = LocalDate.of(2031, 5, 20);

    @Test
    void
            an_approved_copy_is_an_asset_of_its_own_held_by_the_copier_and_an_unapproved_one_is_refused_and_recorded() {
        clock.setDay(TODAY);
        var world = new CustodyWorld(this).withContract(TODAY.minusMonths(1), TODAY.plusMonths(1));
        var steps = new ContractEndActions(this, world);
        List<UUID> ids = world.registerAssets(2).stream().map(Asset::id).toList();
        world.issue(ids);
        UUID original = ids.get(0);

        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/assets/{id}/copies", original)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("COPY_NOT_APPROVED")
                .jsonPath("$.article")
                .isEqualTo("2.3");
        assertThat(events(world, original))
                .last()
                .isEqualTo(new Event("REFUSED", "COPY_NOT_APPROVED", "2.3", null, null));

        UUID approval =
                steps.approve(
                        world.contractorCustodian,
                        world.manager,
                        "COPY",
                        List.of(original),
                        TODAY.plusDays(3));
        List<Copy> copies =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/copies", original)
                        .bodyValue(Map.of("count", 2, "note", "作業用"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBodyList(Copy.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(copies)
                .hasSize(2)
                .allSatisfy(
                        c -> {
                            assertThat(c.copyOf()).isEqualTo(original);
                            assertThat(c.custodyState()).isEqualTo("WITH_CONTRACTOR");
                            assertThat(c.holderPartyId()).isEqualTo(world.contractor);
                            assertThat(c.dueOn()).isEqualTo(TODAY.plusMonths(1).toString());
                            assertThat(c.ledgerLength()).isEqualTo(1);
                            assertThat(c.tag()).matches("A-2031-\\d{6}");
                        });
        assertThat(events(world, copies.get(0).id()))
                .singleElement()
                .isEqualTo(new Event("COPY_REGISTERED", null, null, approval, null));
        assertThat(events(world, original)).extracting(Event::type).endsWith("COPIED", "COPIED");

        // the copy is due like any asset: the contract cannot close while it is out
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
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.outstanding.length()")
                .isEqualTo(4);
    }

    @Test
    void taking_out_needs_a_take_out_approval_and_both_movements_are_in_the_history() {
        clock.setDay(TODAY);
        var world = new CustodyWorld(this).withContract(TODAY.minusMonths(1), TODAY.plusMonths(1));
        var steps = new ContractEndActions(this, world);
        UUID asset = world.registerAssets(1).get(0).id();
        world.issue(List.of(asset));

        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/assets/{id}/take-outs", asset)
                .bodyValue(Map.of("destination", "顧客先"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TAKE_OUT_NOT_APPROVED");

        UUID approval =
                steps.approve(
                        world.contractorCustodian,
                        world.manager,
                        "TAKE_OUT",
                        List.of(asset),
                        TODAY);
        Map<?, ?> out =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/assets/{id}/take-outs", asset)
                        .bodyValue(Map.of("destination", "顧客先 会議室", "purpose", "説明会"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/assets/{id}/take-outs", asset)
                .bodyValue(Map.of("destination", "別所"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ASSET_NOT_AVAILABLE");
        as(world.subCustodian)
                .post()
                .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                .exchange()
                .expectStatus()
                .isNotFound();
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/take-outs/{id}/bring-back", out.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.broughtBackAt")
                .exists();

        assertThat(events(world, asset))
                .extracting(Event::type)
                .containsExactly(
                        "REGISTERED",
                        "TRANSFER_OPENED",
                        "ISSUED",
                        "REFUSED",
                        "TAKEN_OUT",
                        "REFUSED",
                        "BROUGHT_BACK");
        assertThat(events(world, asset).get(4))
                .isEqualTo(new Event("TAKEN_OUT", null, null, approval, "顧客先 会議室"));

        // the next day the approval has lapsed
        clock.setDay(TODAY.plusDays(1));
        as(fresh(world.contractorCustodian))
                .post()
                .uri("/api/v1/assets/{id}/take-outs", asset)
                .bodyValue(Map.of("destination", "顧客先"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TAKE_OUT_APPROVAL_EXPIRED");
    }

    private List<Event> events(CustodyWorld world, UUID asset) {
        return as(fresh(world.auditor))
                .get()
                .uri("/api/v1/assets/{id}/events", asset)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Event.class)
                .returnResult()
                .getResponseBody();
    }
}
