package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 2.2: the receiver is shown each asset's handling requirements and acknowledges them when
 * confirming.
 */
class HandlingAcknowledgementTests extends ApiTestSupport {

    private static final LocalDate TODAY = LocalDate.now();

    @org.springframework.beans.factory.annotation.Autowired jp.azukari.label.LabelService labels;

    @Test
    void
            a_confirmation_without_acknowledgement_is_refused_and_recorded_and_one_with_the_digest_is_in_the_ledger_note() {
        var world = new CustodyWorld(this).withContract(TODAY.minusDays(1), TODAY.plusDays(60));
        var asset = world.registerAssets(1).get(0);
        var issue = world.open(world.clerk, "ISSUE", null, null, List.of(asset.id()));

        Map<?, ?> shown =
                as(world.contractorCustodian)
                        .get()
                        .uri("/api/v1/transfers/{id}/handling", issue.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(shown.get("required")).isEqualTo(true);
        assertThat((List<?>) shown.get("requirements"))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(((Map<?, ?>) r).get("handlingRequirements"))
                                        .isEqualTo("施錠保管"));
        String digest = (String) shown.get("acknowledgement");
        assertThat(digest).hasSize(64);

        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", issue.id())
                .bodyValue(Map.of("assetIds", List.of(asset.id())))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("HANDLING_NOT_ACKNOWLEDGED")
                .jsonPath("$.article")
                .isEqualTo("2.2");
        // the acknowledgement of another transfer's requirements does not count
        var other = world.registerAssets(1).get(0);
        var otherIssue = world.open(world.clerk, "ISSUE", null, null, List.of(other.id()));
        String otherDigest =
                (String)
                        as(world.contractorCustodian)
                                .get()
                                .uri("/api/v1/transfers/{id}/handling", otherIssue.id())
                                .exchange()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("acknowledgement");
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", issue.id())
                .bodyValue(
                        Map.of(
                                "assetIds",
                                List.of(asset.id()),
                                "handlingAcknowledgement",
                                otherDigest))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("HANDLING_ACK_MISMATCH");
        // nothing moved
        as(world.clerk)
                .get()
                .uri("/api/v1/assets/{id}", asset.id())
                .exchange()
                .expectBody()
                .jsonPath("$.custodyState")
                .isEqualTo("REGISTERED");

        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", issue.id())
                .bodyValue(
                        Map.of("assetIds", List.of(asset.id()), "handlingAcknowledgement", digest))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");

        List<Map> events =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/assets/{id}/events", asset.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBodyList(Map.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(events.stream().map(e -> e.get("type") + ":" + e.get("refusalCode")).toList())
                .containsExactly(
                        "REGISTERED:null",
                        "TRANSFER_OPENED:null",
                        "REFUSED:HANDLING_NOT_ACKNOWLEDGED",
                        "REFUSED:HANDLING_ACK_MISMATCH",
                        "ISSUED:null");
        assertThat((String) events.get(4).get("note"))
                .isEqualTo("handling acknowledged: 施錠保管 (sha256 " + digest + ")");
        // the ledger still verifies with the note in the chain
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

    @Test
    void scans_carry_the_acknowledgement_and_an_asset_without_requirements_needs_none() {
        var world = new CustodyWorld(this).withContract(TODAY.minusDays(1), TODAY.plusDays(60));
        var withRules = world.registerAssets(1).get(0);
        UUID plain =
                UUID.fromString(
                        (String)
                                ((Map<?, ?>)
                                                as(world.clerk)
                                                        .post()
                                                        .uri(
                                                                "/api/v1/contracts/{id}/assets",
                                                                world.contractId)
                                                        .bodyValue(
                                                                Map.of(
                                                                        "assets",
                                                                        List.of(
                                                                                Map.of(
                                                                                        "kind",
                                                                                        "DOCUMENT",
                                                                                        "title",
                                                                                        "公開資料",
                                                                                        "sensitivity",
                                                                                        "PUBLIC"))))
                                                        .exchange()
                                                        .expectStatus()
                                                        .isCreated()
                                                        .expectBodyList(Map.class)
                                                        .returnResult()
                                                        .getResponseBody()
                                                        .get(0))
                                        .get("id"));
        var plainIssue = world.open(world.clerk, "ISSUE", null, null, List.of(plain));
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", plainIssue.id())
                .bodyValue(Map.of("assetIds", List.of(plain)))
                .exchange()
                .expectStatus()
                .isOk();

        var issue = world.open(world.clerk, "ISSUE", null, null, List.of(withRules.id()));
        String payload = labels.codec().block().labelPayload(withRules.tag());
        Map<String, Object> scan =
                new java.util.HashMap<>(
                        Map.of(
                                "scanId",
                                UUID.randomUUID(),
                                "payload",
                                payload,
                                "scannedAt",
                                Instant.now().toString(),
                                "purpose",
                                "CONFIRM",
                                "transferId",
                                issue.id()));
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(Map.of("deviceId", "hht-1", "scans", List.of(scan)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.results[0].code")
                .isEqualTo("HANDLING_NOT_ACKNOWLEDGED");
        scan.put("scanId", UUID.randomUUID());
        scan.put("acknowledgedHandling", true);
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(Map.of("deviceId", "hht-1", "scans", List.of(scan)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.results[0].result")
                .isEqualTo("CONFIRMED");
        // another contractor does not see the transfer's requirements
        var stranger = new CustodyWorld(this).contractorCustodian;
        as(stranger)
                .get()
                .uri("/api/v1/transfers/{id}/handling", issue.id())
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
