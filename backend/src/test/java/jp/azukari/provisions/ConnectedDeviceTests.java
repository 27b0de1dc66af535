package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 5: connected devices under NETWORK_CONNECTION approvals; the agency suspends and disconnects
 * them.
 */
class ConnectedDeviceTests extends ClockedApiTestSupport {

    @Test
    void
            a_device_connects_under_its_approval_until_suspended_or_expired_and_each_refusal_is_recorded() {
        LocalDate today = LocalDate.now(TOKYO);
        clock.setDay(today);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(90));
        var steps = new ProvisionsActions(this, world);
        var custodian = fresh(world.contractorCustodian);
        var manager = fresh(world.manager);
        UUID approval = steps.networkApproval(custodian, manager, today.plusDays(10));

        Map<?, ?> device =
                steps.registerDevice(custodian, world.contractId, approval, today.plusDays(10))
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        UUID id = UUID.fromString((String) device.get("id"));
        assertThat(device.get("ownerPartyId")).isEqualTo(world.contractor.toString());
        assertThat(device.get("status")).isEqualTo("ACTIVE");
        as(custodian)
                .post()
                .uri("/api/v1/devices/{id}/check", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.allowed")
                .isEqualTo(true);

        // the agency suspends it, with a reason: a connection check is refused and recorded
        as(manager)
                .post()
                .uri("/api/v1/devices/{id}/suspend", id)
                .bodyValue(Map.of("reason", "不審な通信を検知"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUSPENDED");
        as(custodian)
                .post()
                .uri("/api/v1/devices/{id}/check", id)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_SUSPENDED")
                .jsonPath("$.article")
                .isEqualTo("5");
        as(manager)
                .post()
                .uri("/api/v1/devices/{id}/resume", id)
                .bodyValue(Map.of("reason", "調査の結果問題なし"))
                .exchange()
                .expectStatus()
                .isOk();
        // resuming a device that is not suspended is not a change
        as(manager)
                .post()
                .uri("/api/v1/devices/{id}/resume", id)
                .bodyValue(Map.of("reason", "again"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_STATE");
        // a suspension needs a reason; an auditor or the contractor cannot suspend
        as(manager)
                .post()
                .uri("/api/v1/devices/{id}/suspend", id)
                .bodyValue(Map.of("reason", " "))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(fresh(world.auditor))
                .post()
                .uri("/api/v1/devices/{id}/suspend", id)
                .bodyValue(Map.of("reason", "x"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(custodian)
                .post()
                .uri("/api/v1/devices/{id}/suspend", id)
                .bodyValue(Map.of("reason", "x"))
                .exchange()
                .expectStatus()
                .isForbidden();

        // after the approval ended: the check is refused, a new registration under it too, and the
        // register shows it overdue
        clock.setDay(today.plusDays(11));
        custodian = fresh(custodian);
        manager = fresh(manager);
        as(custodian)
                .post()
                .uri("/api/v1/devices/{id}/check", id)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_APPROVAL_EXPIRED");
        long before = count();
        steps.registerDevice(custodian, world.contractId, approval, today.plusDays(20))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_APPROVAL_EXPIRED")
                .jsonPath("$.article")
                .isEqualTo("5");
        assertThat(count()).isEqualTo(before);
        as(manager)
                .get()
                .uri("/api/v1/devices?contractId={c}&overdue=true", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].overdue")
                .isEqualTo(true);

        var events =
                as(manager)
                        .get()
                        .uri("/api/v1/devices/{id}", id)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("events");
        assertThat(
                        ((List<?>) events)
                                .stream()
                                        .map(
                                                e ->
                                                        ((Map<?, ?>) e).get("kind")
                                                                + ":"
                                                                + ((Map<?, ?>) e).get("code")))
                .containsExactly(
                        "REGISTERED:null",
                        "CHECKED:null",
                        "SUSPENDED:null",
                        "REFUSED:DEVICE_SUSPENDED",
                        "RESUMED:null",
                        "REFUSED:DEVICE_APPROVAL_EXPIRED");

        // disconnection is final and recorded with its reason
        as(manager)
                .post()
                .uri("/api/v1/devices/{id}/disconnect", id)
                .bodyValue(Map.of("reason", "契約範囲外の利用"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DISCONNECTED")
                .jsonPath("$.events[-1].reason")
                .isEqualTo("契約範囲外の利用");

        // another contractor's custodian: the device and the contract do not exist
        var other = fresh(new CustodyWorld(this).contractorCustodian);
        as(other).get().uri("/api/v1/devices/{id}", id).exchange().expectStatus().isNotFound();
        as(other)
                .post()
                .uri("/api/v1/devices/{id}/check", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(
                        as(other)
                                .get()
                                .uri("/api/v1/devices")
                                .exchange()
                                .expectBodyList(Map.class)
                                .returnResult()
                                .getResponseBody())
                .isEmpty();
        steps.registerDevice(other, world.contractId, approval, today.plusDays(20))
                .expectStatus()
                .isNotFound();

        Map<?, ?> report = steps.provisions(fresh(world.auditor));
        Map<?, ?> devices = (Map<?, ?>) report.get("devices");
        assertThat(devices.get("registered")).isEqualTo(1);
        assertThat(devices.get("disconnected")).isEqualTo(1);
    }

    @Test
    void a_network_connection_approval_covers_no_assets_and_a_device_cannot_outlast_it() {
        LocalDate today = LocalDate.now(TOKYO);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(90));
        var asset = world.registerAssets(1).get(0);
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/approvals")
                .bodyValue(
                        Map.of(
                                "contractId",
                                world.contractId,
                                "kind",
                                "NETWORK_CONNECTION",
                                "assetIds",
                                List.of(asset.id()),
                                "validUntil",
                                today.plusDays(5).toString(),
                                "reason",
                                "x"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        var steps = new ProvisionsActions(this, world);
        UUID approval =
                steps.networkApproval(world.contractorCustodian, world.manager, today.plusDays(5));
        steps.registerDevice(
                        world.contractorCustodian, world.contractId, approval, today.plusDays(6))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_OUTLASTS_APPROVAL");
        // an approval of another kind is no network approval
        UUID takeOut =
                new jp.azukari.support.ContractEndActions(this, world)
                        .approve(
                                world.contractorCustodian,
                                world.manager,
                                "TAKE_OUT",
                                List.of(asset.id()),
                                today.plusDays(5));
        steps.registerDevice(
                        world.contractorCustodian, world.contractId, takeOut, today.plusDays(5))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("DEVICE_NOT_APPROVED");
    }

    private long count() {
        return db.sql("SELECT count(*) AS n FROM connected_device")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
