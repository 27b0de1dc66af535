package jp.azukari.disposal;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Acceptance 2: disposal is refused, and recorded, without a valid approval or for what a
 * subcontractor holds.
 */
class DisposalRefusalTests extends ClockedApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String type, String refusalCode, String article) {}

    static final LocalDate TODAY = LocalDate.of(2031, 2, 10);

    CustodyWorld world;
    ContractEndActions steps;
    List<UUID> assets;

    @BeforeEach
    void issuedAssets() {
        clock.setDay(TODAY);
        world = new CustodyWorld(this).withContract(TODAY.minusMonths(2), TODAY.plusMonths(2));
        steps = new ContractEndActions(this, world);
        assets = world.registerAssets(3).stream().map(Asset::id).toList();
        world.issue(assets);
    }

    @Test
    void disposal_without_an_approval_is_refused_with_article_6_and_recorded() {
        steps.dispose(
                        world.contractorCustodian,
                        assets.get(0),
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DISPOSAL_NOT_APPROVED")
                .jsonPath("$.article")
                .isEqualTo("6");
        assertRefusalRecorded(assets.get(0), "DISPOSAL_NOT_APPROVED", "6");
        // an approval of another kind does not count either
        steps.approve(
                world.contractorCustodian,
                world.manager,
                "COPY",
                List.of(assets.get(0)),
                TODAY.plusDays(5));
        steps.dispose(
                        world.contractorCustodian,
                        assets.get(0),
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DISPOSAL_NOT_APPROVED");
    }

    @Test
    void disposal_under_an_expired_approval_is_refused_and_recorded() {
        steps.approve(
                world.contractorCustodian,
                world.manager,
                "DISPOSE_INSTEAD_OF_RETURN",
                List.of(assets.get(0)),
                TODAY);
        clock.setDay(TODAY.plusDays(2));
        steps.dispose(
                        fresh(world.contractorCustodian),
                        assets.get(0),
                        TODAY.plusDays(2),
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DISPOSAL_APPROVAL_EXPIRED")
                .jsonPath("$.article")
                .isEqualTo("6")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(TODAY.toString()));
        assertRefusalRecorded(assets.get(0), "DISPOSAL_APPROVAL_EXPIRED", "6");
    }

    @Test
    void disposal_of_an_asset_a_subcontractor_holds_is_refused_with_article_7_and_recorded() {
        UUID held = assets.get(1);
        UUID handoff = world.approveHandoff(List.of(held), TODAY.plusDays(20));
        steps.approve(
                world.contractorCustodian,
                world.manager,
                "DISPOSE_INSTEAD_OF_RETURN",
                List.of(held),
                TODAY.plusDays(20));
        var t =
                world.open(
                        world.contractorCustodian,
                        "HANDOFF",
                        world.subcontractor,
                        handoff,
                        List.of(held));
        world.confirm(world.subCustodian, t.id(), List.of(held));

        steps.dispose(
                        world.subCustodian,
                        held,
                        TODAY,
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SUBCONTRACTOR_HOLDS")
                .jsonPath("$.article")
                .isEqualTo("7");
        assertRefusalRecorded(held, "SUBCONTRACTOR_HOLDS", "7");
        assertThat(state(held)).isEqualTo("WITH_SUBCONTRACTOR");
    }

    @Test
    void
            a_certificate_that_is_empty_too_large_or_not_what_it_claims_gets_a_clear_4xx_and_nothing_is_disposed() {
        UUID asset = assets.get(2);
        steps.approve(
                world.contractorCustodian,
                world.manager,
                "DISPOSE_INSTEAD_OF_RETURN",
                List.of(asset),
                TODAY.plusDays(10));

        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY,
                        new byte[0],
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("empty"));
        byte[] large = new byte[64 * 1024 + 1];
        System.arraycopy(ContractEndActions.pdf(""), 0, large, 0, 20);
        steps.dispose(world.contractorCustodian, asset, TODAY, large, MediaType.APPLICATION_PDF)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("65536"));
        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY,
                        "just text".getBytes(),
                        MediaType.TEXT_PLAIN)
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("text/plain"));
        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY,
                        "GIF89a....".getBytes(),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isEqualTo(415);
        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY.plusDays(1),
                        ContractEndActions.pdf("x"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        assertThat(state(asset)).isEqualTo("WITH_CONTRACTOR");

        // a proper certificate goes through, once
        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY,
                        ContractEndActions.pdf("ok"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.certificate.verified")
                .isEqualTo(true);
        assertThat(state(asset)).isEqualTo("DISPOSED");
        steps.dispose(
                        world.contractorCustodian,
                        asset,
                        TODAY,
                        ContractEndActions.pdf("again"),
                        MediaType.APPLICATION_PDF)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ASSET_NOT_AVAILABLE");
    }

    private void assertRefusalRecorded(UUID asset, String code, String article) {
        List<Event> events =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/assets/{id}/events", asset)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Event.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(events).last().isEqualTo(new Event("REFUSED", code, article));
    }

    private String state(UUID asset) {
        Map<?, ?> a =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/assets/{id}", asset)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return (String) a.get("custodyState");
    }
}
