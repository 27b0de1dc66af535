package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Role;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 8.2, 8.3 (how promptly incidents are reported and instructions acknowledged) and 10
 * (publication).
 */
class IncidentFollowUpTests extends ClockedApiTestSupport {

    @Test
    void
            the_incident_shows_how_late_it_was_reported_and_how_soon_each_instruction_was_acknowledged() {
        Instant now = Instant.now();
        clock.set(now);
        LocalDate today = LocalDate.now(TOKYO);
        var world = new CustodyWorld(this).withContract(today.minusDays(10), today.plusDays(90));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        var steps = new ProvisionsActions(this, world);
        UUID incident =
                steps.incident(
                        world.contractorCustodian, asset.id(), now.minus(Duration.ofMinutes(150)));
        as(world.manager)
                .post()
                .uri("/api/v1/incidents/{id}/instructions", incident)
                .bodyValue(Map.of("text", "該当資料を直ちに施錠保管すること"))
                .exchange()
                .expectStatus()
                .isOk();
        UUID entry =
                UUID.fromString(
                        (String)
                                ((Map<?, ?>)
                                                ((List<?>)
                                                                as(world.manager)
                                                                        .get()
                                                                        .uri(
                                                                                "/api/v1/incidents/{id}",
                                                                                incident)
                                                                        .exchange()
                                                                        .expectBody(Map.class)
                                                                        .returnResult()
                                                                        .getResponseBody()
                                                                        .get("timeline"))
                                                        .get(0))
                                        .get("id"));

        clock.set(now.plus(Duration.ofMinutes(45)));
        var custodian = fresh(world.contractorCustodian);
        // another contractor's custodian: the incident does not exist for it
        var other = fresh(new CustodyWorld(this).contractorCustodian);
        as(other)
                .post()
                .uri("/api/v1/incidents/{id}/instructions/{e}/acknowledge", incident, entry)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(other)
                .get()
                .uri("/api/v1/incidents/{id}/timing", incident)
                .exchange()
                .expectStatus()
                .isNotFound();

        as(custodian)
                .post()
                .uri("/api/v1/incidents/{id}/instructions/{e}/acknowledge", incident, entry)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.reportDelayMinutes")
                .isEqualTo(150)
                .jsonPath("$.instructions[0].acknowledgeDelayMinutes")
                .isEqualTo(45)
                .jsonPath("$.instructions[0].acknowledgedBy")
                .isEqualTo(custodian.id().toString());
        as(custodian)
                .post()
                .uri("/api/v1/incidents/{id}/instructions/{e}/acknowledge", incident, entry)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INSTRUCTION_ALREADY_ACKNOWLEDGED");
        as(fresh(world.auditor))
                .get()
                .uri("/api/v1/incidents/{id}/timing", incident)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.instructions.length()")
                .isEqualTo(1);

        Map<?, ?> section = steps.provisions(fresh(world.auditor));
        Map<?, ?> timing = (Map<?, ?>) ((List<?>) section.get("incidentTimings")).get(0);
        assertThat(timing.get("reportDelayMinutes")).isEqualTo(150);
    }

    @Test
    void
            a_summary_without_personal_data_approved_by_a_second_manager_is_published_as_text_and_pdf() {
        LocalDate today = LocalDate.now(TOKYO);
        var world = new CustodyWorld(this).withContract(today.minusDays(10), today.plusDays(90));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        var steps = new ProvisionsActions(this, world);
        UUID incident =
                steps.incident(
                        world.contractorCustodian, asset.id(), Instant.now().minusSeconds(3600));
        var author = world.manager;
        var second = user(Role.MANAGER, world.agency);

        // personal data is refused: the reporter's username, an e-mail address, a telephone number
        for (String summary :
                List.of(
                        "報告者 " + world.contractorCustodian.username() + " が発見",
                        "連絡先 taro.yamada@example.jp",
                        "電話 ０３－１２３４－５６７８ まで")) {
            as(author)
                    .put()
                    .uri("/api/v1/incidents/{id}/publication", incident)
                    .bodyValue(Map.of("summary", summary))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("PERSONAL_DATA_IN_SUMMARY")
                    .jsonPath("$.article")
                    .isEqualTo("10");
        }
        as(author)
                .get()
                .uri("/api/v1/incidents/{id}/publication", incident)
                .exchange()
                .expectStatus()
                .isNotFound();

        String text = "委託先において調査票1件の取扱いに不備がありました。外部への流出は確認されていません。";
        as(author)
                .put()
                .uri("/api/v1/incidents/{id}/publication", incident)
                .bodyValue(Map.of("summary", text))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT");
        as(author)
                .get()
                .uri("/api/v1/incidents/{id}/publication.txt", incident)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PUBLICATION_NOT_APPROVED");
        // the author cannot approve their own summary; nor can an auditor or the contractor
        as(author)
                .post()
                .uri("/api/v1/incidents/{id}/publication/approve", incident)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PUBLICATION_OWN_APPROVAL");
        as(world.auditor)
                .post()
                .uri("/api/v1/incidents/{id}/publication/approve", incident)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/incidents/{id}/publication/approve", incident)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(author)
                .get()
                .uri("/api/v1/incidents/{id}/publication", incident)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT");

        as(second)
                .post()
                .uri("/api/v1/incidents/{id}/publication/approve", incident)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("APPROVED")
                .jsonPath("$.approvedBy")
                .isEqualTo(second.id().toString());
        String published =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/incidents/{id}/publication.txt", incident)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(published).isEqualTo(text + "\n");
        byte[] pdf =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/incidents/{id}/publication.pdf", incident)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("外部への流出は確認されていません");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // approved, it no longer changes
        as(author)
                .put()
                .uri("/api/v1/incidents/{id}/publication", incident)
                .bodyValue(Map.of("summary", "変更"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PUBLICATION_ALREADY_APPROVED");
        var other = new CustodyWorld(this).contractorCustodian;
        as(other)
                .get()
                .uri("/api/v1/incidents/{id}/publication.txt", incident)
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(
                        ((Map<?, ?>) steps.provisions(world.auditor).get("summary"))
                                .get("publicationsApproved"))
                .isEqualTo(1);
    }
}
