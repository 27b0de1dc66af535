package jp.azukari.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Role;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Article 3: once the agency turns the rule on, only a person with a current training record takes
 * custody.
 */
class TrainingRequirementTests extends ClockedApiTestSupport {

    static final LocalDate TODAY = LocalDate.of(2031, 7, 1);

    @Autowired TransferService transfers;

    @Test
    void
            with_the_setting_on_an_untrained_or_lapsed_custodian_cannot_confirm_receipt_and_a_trained_one_can() {
        clock.setDay(TODAY);
        var world = new CustodyWorld(this).withContract(TODAY.minusMonths(1), TODAY.plusMonths(3));
        var admin = user(Role.ADMIN, world.agency);
        List<UUID> ids = world.registerAssets(2).stream().map(Asset::id).toList();

        as(admin)
                .get()
                .uri("/api/v1/settings/training")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.required")
                .isEqualTo(false);
        as(world.manager)
                .put()
                .uri("/api/v1/settings/training")
                .bodyValue(Map.of("required", true))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(admin)
                .put()
                .uri("/api/v1/settings/training")
                .bodyValue(Map.of("required", true))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.required")
                .isEqualTo(true);
        try {
            var issue = world.open(world.clerk, "ISSUE", null, null, ids);
            as(world.contractorCustodian)
                    .post()
                    .uri("/api/v1/transfers/{id}/confirm", issue.id())
                    .bodyValue(Map.of("assetIds", ids))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("TRAINING_REQUIRED")
                    .jsonPath("$.article")
                    .isEqualTo("3");

            var lapsed = user(Role.CUSTODIAN, world.contractor);
            train(world, lapsed.id(), TODAY.minusYears(1), TODAY.minusDays(1));
            as(lapsed)
                    .post()
                    .uri("/api/v1/transfers/{id}/confirm", issue.id())
                    .bodyValue(Map.of("assetIds", ids))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("TRAINING_REQUIRED");

            train(world, world.contractorCustodian.id(), TODAY.minusDays(10), TODAY);
            var done = world.confirm(world.contractorCustodian, issue.id(), ids);
            assertThat(done.status()).isEqualTo("COMPLETED");
        } finally {
            as(admin)
                    .put()
                    .uri("/api/v1/settings/training")
                    .bodyValue(Map.of("required", false))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void confirmations_written_together_check_each_custodians_own_training() {
        clock.setDay(TODAY);
        var world = new CustodyWorld(this).withContract(TODAY.minusMonths(1), TODAY.plusMonths(3));
        var admin = user(Role.ADMIN, world.agency);
        var untrained = user(Role.CUSTODIAN, world.contractor);
        train(world, world.contractorCustodian.id(), TODAY.minusDays(10), TODAY.plusYears(1));
        List<UUID> ids = world.registerAssets(12).stream().map(Asset::id).toList();
        List<UUID> transferIds =
                ids.stream()
                        .map(a -> world.open(world.clerk, "ISSUE", null, null, List.of(a)).id())
                        .toList();
        as(admin)
                .put()
                .uri("/api/v1/settings/training")
                .bodyValue(Map.of("required", true))
                .exchange()
                .expectStatus()
                .isOk();
        try {
            List<Mono<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                boolean trained = i % 2 == 0;
                var who = trained ? world.contractorCustodian : untrained;
                calls.add(
                        transfers
                                .confirmGrouped(
                                        who.actor(),
                                        transferIds.get(i),
                                        List.of(ids.get(i)),
                                        TransferService.ConfirmContext.api(null, null)
                                                .acknowledging(
                                                        HandlingAcknowledgement.ACKNOWLEDGED))
                                .map(t -> (trained ? "trained " : "untrained ") + t.status())
                                .onErrorResume(
                                        CustodyRefusedException.class,
                                        e -> Mono.just("refused " + e.first().code())));
            }
            List<String> outcomes = Flux.merge(calls).collectList().block();
            assertThat(outcomes)
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.Stream.concat(
                                            java.util.Collections.nCopies(6, "trained COMPLETED")
                                                    .stream(),
                                            java.util.Collections.nCopies(
                                                    6, "refused TRAINING_REQUIRED")
                                                    .stream())
                                    .toList());
        } finally {
            as(admin)
                    .put()
                    .uri("/api/v1/settings/training")
                    .bodyValue(Map.of("required", false))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private void train(CustodyWorld world, UUID user, LocalDate completed, LocalDate validUntil) {
        as(world.manager)
                .put()
                .uri("/api/v1/users/{id}/training", user)
                .bodyValue(
                        Map.of(
                                "completedOn",
                                completed.toString(),
                                "validUntil",
                                validUntil.toString()))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
