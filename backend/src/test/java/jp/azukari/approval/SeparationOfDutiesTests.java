package jp.azukari.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, separation of duties (art. 2.3): whoever asked for an approval never decides it; the
 * attempt is evidence.
 */
class SeparationOfDutiesTests extends ApiTestSupport {

    @Test
    void
            a_manager_who_registered_an_approval_can_neither_approve_nor_reject_it_and_each_attempt_is_recorded() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(60));
        UUID asset = world.registerAssets(1).get(0).id();
        Map<?, ?> asked =
                as(world.manager)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        List.of(asset),
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
        UUID approval = UUID.fromString((String) asked.get("id"));

        for (String decision : List.of("APPROVED", "REJECTED")) {
            as(world.manager)
                    .post()
                    .uri("/api/v1/approvals/{id}/decision", approval)
                    .bodyValue(Map.of("decision", decision))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith("application/problem+json")
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("SELF_APPROVAL")
                    .jsonPath("$.article")
                    .isEqualTo("2.3")
                    .jsonPath("$.detail")
                    .value(d -> assertThat(d.toString()).contains("another MANAGER"));
        }
        as(world.auditor)
                .get()
                .uri("/api/v1/approvals/{id}", approval)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.decidedBy")
                .doesNotExist();

        List<?> evidence =
                as(world.auditor)
                        .get()
                        .uri("/api/v1/evidence/refusals?user={u}", world.manager.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(List.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(evidence)
                .hasSize(2)
                .allSatisfy(
                        e -> {
                            Map<?, ?> row = (Map<?, ?>) e;
                            assertThat(row.get("kind")).isEqualTo("SELF_APPROVAL");
                            assertThat(row.get("subjectId")).isEqualTo(approval.toString());
                            assertThat(row.get("username")).isEqualTo(world.manager.username());
                            assertThat(row.get("article")).isEqualTo("2.3");
                        });
        assertThat(
                        evidence.stream()
                                .map(e -> String.valueOf(((Map<?, ?>) e).get("presented")))
                                .toList())
                .containsExactlyInAnyOrder("APPROVED", "REJECTED");
        as(world.manager)
                .get()
                .uri("/api/v1/evidence/refusals")
                .exchange()
                .expectStatus()
                .isForbidden();

        // another manager decides it
        TestUser second = user(Role.MANAGER, world.agency);
        as(second)
                .post()
                .uri("/api/v1/approvals/{id}/decision", approval)
                .bodyValue(Map.of("decision", "APPROVED"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("APPROVED")
                .jsonPath("$.decidedBy")
                .isEqualTo(second.id().toString());
    }
}
