package jp.azukari.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;

/**
 * Article 8: a transfer closed with a missing line opens a LOSS incident; the contract closes once
 * it is handled.
 */
class IncidentScenarioTests extends ClockedApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String type, UUID incidentId, String refusalCode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Incident(
            UUID id,
            String kind,
            String status,
            UUID transferId,
            List<Map<String, Object>> assets,
            List<Map<String, Object>> timeline) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closed(Map<String, Object> transfer, Incident incident) {}

    static final LocalDate TODAY = LocalDate.of(2031, 9, 1);

    @Test
    void
            a_line_never_confirmed_becomes_a_loss_that_blocks_the_close_until_its_incident_is_closed() {
        clock.setDay(TODAY);
        var world = new CustodyWorld(this).withContract(TODAY.minusMonths(3), TODAY);
        List<UUID> ids = world.registerAssets(3).stream().map(Asset::id).toList();
        world.issue(ids);
        UUID lost = ids.get(2);

        // a loss cannot be reported while the asset is in an open transfer: the transfer is closed
        // with it missing
        var ret = world.open(world.contractorCustodian, "RETURN", null, null, ids);
        world.confirm(world.clerk, ret.id(), ids.subList(0, 2));
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/incidents")
                .bodyValue(
                        Map.of(
                                "kind",
                                "LOSS",
                                "assetIds",
                                List.of(lost),
                                "occurredAt",
                                clock.instant().toString(),
                                "description",
                                "紛失"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .value(t -> assertThat((String) t).endsWith("asset-in-open-transfer"));
        Closed closed =
                as(world.clerk)
                        .post()
                        .uri("/api/v1/transfers/{id}/close-missing", ret.id())
                        .bodyValue(Map.of("reason", "窓口で1点不足"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Closed.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(closed.transfer().get("status")).isEqualTo("COMPLETED");
        assertThat((List<?>) closed.transfer().get("lines"))
                .anySatisfy(l -> assertThat(((Map<?, ?>) l).get("status")).isEqualTo("MISSING"));
        Incident loss = closed.incident();
        assertThat(loss.kind()).isEqualTo("LOSS");
        assertThat(loss.status()).isEqualTo("OPEN");
        assertThat(loss.transferId()).isEqualTo(ret.id());
        assertThat(loss.assets())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.get("assetId")).isEqualTo(lost.toString());
                            assertThat(a.get("custodyState")).isEqualTo("LOST");
                        });
        assertThat(events(world, lost))
                .extracting(Event::type)
                .endsWith("TRANSFER_OPENED", "MARKED_MISSING", "LOST");
        assertThat(events(world, lost)).last().extracting(Event::incidentId).isEqualTo(loss.id());

        // another kind of incident leaves custody alone and is recorded in the chain; it is
        // reported a
        // minute later (the test clock stands still), so the report, in the order of reporting,
        // lists it second
        clock.set(clock.instant().plusSeconds(60));
        Incident leak =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "SUSPECTED_LEAK",
                                        "assetIds",
                                        List.of(ids.get(0)),
                                        "occurredAt",
                                        clock.instant().minusSeconds(3600).toString(),
                                        "description",
                                        "メール誤送信の疑い"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Incident.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(leak.assets())
                .singleElement()
                .satisfies(a -> assertThat(a.get("custodyState")).isEqualTo("RETURNED"));
        assertThat(events(world, ids.get(0)))
                .last()
                .extracting(Event::type)
                .isEqualTo("INCIDENT_REPORTED");

        // the contract cannot close while the loss is not closed
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
                .jsonPath("$.code")
                .isEqualTo("OUTSTANDING_ASSETS")
                .jsonPath("$.article")
                .isEqualTo("6")
                .jsonPath("$.outstanding.length()")
                .isEqualTo(1)
                .jsonPath("$.outstanding[0].reason")
                .isEqualTo("LOST_INCIDENT_NOT_CLOSED")
                .jsonPath("$.outstanding[0].holderPartyId")
                .isEqualTo(world.contractor.toString());

        // the manager instructs and moves it OPEN → INVESTIGATING → CLOSED; nobody else may, and no
        // step is skipped
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/incidents/{id}/status", loss.id())
                .bodyValue(Map.of("status", "INVESTIGATING"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.manager)
                .post()
                .uri("/api/v1/incidents/{id}/status", loss.id())
                .bodyValue(Map.of("status", "CLOSED"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        as(world.manager)
                .post()
                .uri("/api/v1/incidents/{id}/instructions", loss.id())
                .bodyValue(Map.of("text", "保管場所を再点検し、3日以内に報告すること"))
                .exchange()
                .expectStatus()
                .isOk();
        as(world.manager)
                .post()
                .uri("/api/v1/incidents/{id}/status", loss.id())
                .bodyValue(Map.of("status", "INVESTIGATING"))
                .exchange()
                .expectStatus()
                .isOk();
        Incident done =
                as(world.manager)
                        .post()
                        .uri("/api/v1/incidents/{id}/status", loss.id())
                        .bodyValue(Map.of("status", "CLOSED", "note", "所在不明のまま終結"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Incident.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(done.status()).isEqualTo("CLOSED");
        assertThat(done.timeline())
                .extracting(e -> e.get("kind"))
                .containsExactly("INSTRUCTION", "STATUS_CHANGE", "STATUS_CHANGE");

        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/close", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED");

        // the incidents and their assets are part of the contract's report
        as(world.auditor)
                .get()
                .uri("/api/v1/contracts/{id}/report", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verified")
                .isEqualTo(true)
                .jsonPath("$.incidents.length()")
                .isEqualTo(2)
                .jsonPath("$.incidents[0].kind")
                .isEqualTo("LOSS")
                .jsonPath("$.incidents[0].assetIds[0]")
                .isEqualTo(lost.toString())
                .jsonPath("$.incidents[0].timeline.length()")
                .isEqualTo(3)
                .jsonPath("$.assetsByState.LOST")
                .isEqualTo(1);

        // a custodian of an unrelated party sees none of it
        var stranger =
                user(
                        jp.azukari.common.Role.CUSTODIAN,
                        party(unique("other"), jp.azukari.common.PartyKind.CONTRACTOR));
        as(stranger)
                .get()
                .uri("/api/v1/incidents/{id}", loss.id())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private List<Event> events(CustodyWorld world, UUID asset) {
        return as(world.auditor)
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
