package jp.azukari.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * Art. 11: the agency instructs further measures; the contractor acknowledges and reports them
 * done.
 */
class InstructionTests extends ClockedApiTestSupport {

    @Test
    void an_instruction_is_acknowledged_then_done_and_open_and_late_ones_are_listed() {
        LocalDate today = LocalDate.now(TOKYO);
        clock.setDay(today);
        var world = new CustodyWorld(this).withContract(today.minusDays(1), today.plusDays(90));
        var manager = fresh(world.manager);
        var custodian = fresh(world.contractorCustodian);
        UUID id = issue(manager, world, "作業端末のディスク暗号化を実施すること", today.plusDays(3));
        UUID late = issue(manager, world, "入退室記録を提出すること", today.plusDays(1));

        as(custodian)
                .post()
                .uri("/api/v1/instructions/{id}/done", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INSTRUCTION_NOT_ACKNOWLEDGED");
        as(custodian)
                .post()
                .uri("/api/v1/instructions/{id}/acknowledge", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ACKNOWLEDGED");
        as(custodian)
                .post()
                .uri("/api/v1/instructions/{id}/acknowledge", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INSTRUCTION_ALREADY_ACKNOWLEDGED");
        as(custodian)
                .post()
                .uri("/api/v1/instructions/{id}/done", id)
                .bodyValue(Map.of("note", "全台で BitLocker を有効化"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DONE")
                .jsonPath("$.doneNote")
                .isEqualTo("全台で BitLocker を有効化")
                .jsonPath("$.late")
                .isEqualTo(false);
        // an auditor changes nothing; only a MANAGER instructs
        as(fresh(world.auditor))
                .post()
                .uri("/api/v1/instructions/{id}/acknowledge", late)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(custodian)
                .post()
                .uri("/api/v1/contracts/{id}/instructions", world.contractId)
                .bodyValue(Map.of("text", "x", "dueOn", today.plusDays(3).toString()))
                .exchange()
                .expectStatus()
                .isForbidden();

        clock.setDay(today.plusDays(2));
        manager = fresh(manager);
        as(manager)
                .get()
                .uri("/api/v1/instructions?contractId={c}&open=true", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(late.toString());
        as(manager)
                .get()
                .uri("/api/v1/instructions?contractId={c}&late=true", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].late")
                .isEqualTo(true);

        var other = fresh(new CustodyWorld(this).contractorCustodian);
        as(other)
                .get()
                .uri("/api/v1/instructions/{id}", late)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(other)
                .post()
                .uri("/api/v1/instructions/{id}/acknowledge", late)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(
                        as(other)
                                .get()
                                .uri("/api/v1/instructions")
                                .exchange()
                                .expectBodyList(Map.class)
                                .returnResult()
                                .getResponseBody())
                .isEmpty();

        Map<?, ?> summary =
                (Map<?, ?>)
                        new ProvisionsActions(this, world)
                                .provisions(fresh(world.auditor))
                                .get("summary");
        assertThat(summary.get("instructions")).isEqualTo(2);
        assertThat(summary.get("instructionsOpen")).isEqualTo(1);
        assertThat(summary.get("instructionsLate")).isEqualTo(1);
    }

    private UUID issue(
            jp.azukari.support.ApiTestSupport.TestUser manager,
            CustodyWorld world,
            String text,
            LocalDate due) {
        return UUID.fromString(
                (String)
                        as(manager)
                                .post()
                                .uri("/api/v1/contracts/{id}/instructions", world.contractId)
                                .bodyValue(Map.of("text", text, "dueOn", due.toString()))
                                .exchange()
                                .expectStatus()
                                .isCreated()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("id"));
    }
}
