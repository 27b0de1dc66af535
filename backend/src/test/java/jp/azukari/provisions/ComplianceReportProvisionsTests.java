package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: the contract's compliance report shows, per article, what happened under the other
 * provisions.
 */
class ComplianceReportProvisionsTests extends ClockedApiTestSupport {

    @Test
    void
            the_report_json_and_csv_show_reads_devices_requests_incidents_certifications_publication_and_instructions() {
        LocalDate today = LocalDate.now(TOKYO);
        var world = new CustodyWorld(this).withContract(today.minusDays(10), today.plusDays(90));
        var steps = new ProvisionsActions(this, world);
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/assets/{id}", asset.id())
                .header("X-Device-Id", "pc-7")
                .exchange()
                .expectStatus()
                .isOk();
        UUID approval =
                steps.networkApproval(world.contractorCustodian, world.manager, today.plusDays(30));
        steps.registerDevice(
                        world.contractorCustodian, world.contractId, approval, today.plusDays(30))
                .expectStatus()
                .isCreated();
        UUID request =
                UUID.fromString(
                        (String)
                                as(world.manager)
                                        .post()
                                        .uri(
                                                "/api/v1/contracts/{id}/report-requests",
                                                world.contractId)
                                        .bodyValue(
                                                Map.of(
                                                        "subject",
                                                        "定期報告",
                                                        "dueOn",
                                                        today.plusDays(5).toString()))
                                        .exchange()
                                        .expectStatus()
                                        .isCreated()
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("id"));
        steps.answer(world.contractorCustodian, request, "実施済み", ProvisionsActions.pdf("報告"))
                .expectStatus()
                .isOk();
        steps.certify(world.contractorCustodian, today.plusDays(200), ProvisionsActions.pdf("ISMS"))
                .expectStatus()
                .isCreated();
        UUID incident =
                steps.incident(
                        world.contractorCustodian, asset.id(), Instant.now().minusSeconds(600));
        as(world.manager)
                .post()
                .uri("/api/v1/incidents/{id}/instructions", incident)
                .bodyValue(Map.of("text", "原因を報告すること"))
                .exchange()
                .expectStatus()
                .isOk();
        as(world.manager)
                .put()
                .uri("/api/v1/incidents/{id}/publication", incident)
                .bodyValue(Map.of("summary", "資料の取扱いに不備"))
                .exchange()
                .expectStatus()
                .isOk();
        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/instructions", world.contractId)
                .bodyValue(Map.of("text", "パスワードを変更すること", "dueOn", today.plusDays(7).toString()))
                .exchange()
                .expectStatus()
                .isCreated();

        Map<?, ?> report =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/contracts/{id}/report", world.contractId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary =
                (Map<String, Object>) ((Map<?, ?>) report.get("provisions")).get("summary");
        assertThat(summary)
                .containsEntry("accessReads", (Object) 1)
                .containsEntry("handlingAcknowledged", 1)
                .containsEntry("devices", 1)
                .containsEntry("reportRequests", 1)
                .containsEntry("reportRequestsOpen", 0)
                .containsEntry("incidents", 1)
                .containsEntry("incidentInstructionsUnacknowledged", 1)
                .containsEntry("certifications", 1)
                .containsEntry("publicationsApproved", 0)
                .containsEntry("instructions", 1)
                .containsEntry("instructionsOpen", 1);
        Map<?, ?> reader =
                (Map<?, ?>)
                        ((List<?>)
                                        ((Map<?, ?>)
                                                        ((Map<?, ?>) report.get("provisions"))
                                                                .get("accessLog"))
                                                .get("byUser"))
                                .get(0);
        assertThat(reader.get("username")).isEqualTo(world.contractorCustodian.username());

        as(world.auditor)
                .get()
                .uri("/api/v1/contracts/{id}/report", world.contractId)
                .header("Accept", "text/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Link", ".*/report/provisions>.*");
        String csv =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/contracts/{id}/report/provisions", world.contractId)
                        .header("Accept", "text/csv")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        List<String> articles =
                csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        assertThat(articles)
                .containsExactly("2.1", "2.2", "5", "8.1", "8.2", "8.3", "9", "10", "11");
        assertThat(csv)
                .contains(
                        "access",
                        "device",
                        "report_request",
                        "incident_instruction",
                        "certification",
                        "publication",
                        "instruction");

        // a custodian does not read the compliance report; another contract's id is 404 for the
        // agency too when absent
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/contracts/{id}/report/provisions", world.contractId)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.auditor)
                .get()
                .uri("/api/v1/contracts/{id}/report/provisions", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
