package jp.azukari.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Confirmations that arrive together are written together ({@link TransferService#confirmGrouped}),
 * and each is still answered and recorded exactly as if it had come alone.
 */
class GroupedConfirmationTests extends ApiTestSupport {

    @Autowired TransferService transfers;

    @Autowired jp.azukari.ledger.LedgerVerifier verifier;

    /**
     * What one confirmation came to: the transfer's status, or the refusal's code, or the kind of
     * another problem.
     */
    private static Mono<String> outcome(Mono<TransferView> confirmation) {
        return confirmation
                .map(t -> "CONFIRMED " + t.status())
                .onErrorResume(
                        CustodyRefusedException.class,
                        e -> Mono.just("REFUSED " + e.first().code()))
                .onErrorResume(ProblemException.class, e -> Mono.just("ERROR " + e.kind()));
    }

    @Test
    void confirmations_sent_at_once_are_written_together_and_each_is_answered_as_if_alone() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        var otherContractor =
                user(Role.CUSTODIAN, party(unique("other contractor"), PartyKind.CONTRACTOR));
        var secondCustodian = user(Role.CUSTODIAN, world.contractor);
        List<UUID> assets = world.registerAssets(40).stream().map(Asset::id).toList();
        List<UUID> transferIds = new ArrayList<>();
        for (UUID asset : assets) {
            transferIds.add(world.open(world.clerk, "ISSUE", null, null, List.of(asset)).id());
        }
        // 30 good confirmations (by two custodians of the receiving party), then three kinds of bad
        // ones
        Map<Integer, String> expected = new HashMap<>();
        List<Mono<String>> calls = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            UUID transfer = transferIds.get(i);
            List<UUID> lines = List.of(assets.get(i));
            ApiTestSupport.TestUser who = i % 2 == 0 ? world.contractorCustodian : secondCustodian;
            String expect = "CONFIRMED COMPLETED";
            if (i >= 30 && i < 34) {
                who = world.clerk; // the sending side cannot take custody
                expect = "REFUSED ROLE_NOT_PERMITTED";
            } else if (i >= 34 && i < 37) {
                who = otherContractor; // not on this transfer: it does not exist for them
                expect = "ERROR NOT_FOUND";
            } else if (i >= 37) {
                lines = List.of(assets.get(i), assets.get(0)); // one line is on another transfer
                expect = "REFUSED NOT_ON_TRANSFER";
            }
            expected.put(i, expect);
            int n = i;
            calls.add(
                    outcome(
                                    transfers.confirmGrouped(
                                            who.actor(),
                                            transfer,
                                            lines,
                                            TransferService.ConfirmContext.api("counter-" + n, "窓口")
                                                    .acknowledging(
                                                            HandlingAcknowledgement.ACKNOWLEDGED)))
                            .map(o -> n + " " + o));
        }
        List<String> outcomes = Flux.merge(calls).collectList().block();

        assertThat(outcomes)
                .containsExactlyInAnyOrderElementsOf(
                        expected.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList());
        // the good ones moved, each once, with its own device recorded; the bad ones moved nothing
        for (int i = 0; i < assets.size(); i++) {
            String asset = "'" + assets.get(i) + "'";
            boolean good = i < 30;
            assertThat(
                            count(
                                    "SELECT count(*) FROM custody_event WHERE asset_id = "
                                            + asset
                                            + " AND type = 'ISSUED'"))
                    .as("asset %d issued", i)
                    .isEqualTo(good ? 1 : 0);
            assertThat(text("SELECT custody_state FROM asset WHERE id = " + asset))
                    .isEqualTo(good ? "WITH_CONTRACTOR" : "REGISTERED");
            if (good) {
                assertThat(text("SELECT device_id FROM transfer_line WHERE asset_id = " + asset))
                        .isEqualTo("counter-" + i);
                assertThat(
                                text(
                                        "SELECT device_id FROM custody_event WHERE asset_id = "
                                                + asset
                                                + " AND type = 'ISSUED'"))
                        .isEqualTo("counter-" + i);
            }
        }
        // refusals are on the record as they would be alone; a 404 leaves no trace
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE type = 'REFUSED' AND refusal_code = 'ROLE_NOT_PERMITTED'"
                                        + " AND transfer_id = ANY(ARRAY["
                                        + quoted(transferIds.subList(30, 34))
                                        + "]::uuid[])"))
                .isEqualTo(4);
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE type = 'REFUSED'"
                                        + " AND transfer_id = ANY(ARRAY["
                                        + quoted(transferIds.subList(34, 37))
                                        + "]::uuid[])"))
                .isZero();
        // written together: a group's lines share one confirmation instant (each confirmation alone
        // takes its own)
        long largestGroup =
                count(
                        "SELECT max(n) FROM (SELECT count(*) AS n FROM transfer_line WHERE transfer_id = ANY(ARRAY["
                                + quoted(transferIds)
                                + "]::uuid[]) AND confirmed_at IS NOT NULL GROUP BY confirmed_at) g");
        assertThat(largestGroup).isGreaterThan(1);
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
    void two_confirmations_of_one_transfer_never_share_a_group_and_exactly_one_takes_it() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        var secondCustodian = user(Role.CUSTODIAN, world.contractor);
        List<UUID> assets = world.registerAssets(6).stream().map(Asset::id).toList();
        List<Mono<String>> calls = new ArrayList<>();
        List<UUID> transferIds = new ArrayList<>();
        for (UUID asset : assets) {
            UUID t = world.open(world.clerk, "ISSUE", null, null, List.of(asset)).id();
            transferIds.add(t);
            for (var who : List.of(world.contractorCustodian, secondCustodian)) {
                calls.add(
                        outcome(
                                transfers.confirmGrouped(
                                        who.actor(),
                                        t,
                                        List.of(asset),
                                        TransferService.ConfirmContext.api(null, null)
                                                .acknowledging(
                                                        HandlingAcknowledgement.ACKNOWLEDGED))));
            }
        }
        List<String> outcomes = Flux.merge(calls).collectList().block();
        List<String> expected =
                new ArrayList<>(java.util.Collections.nCopies(6, "CONFIRMED COMPLETED"));
        expected.addAll(java.util.Collections.nCopies(6, "REFUSED TRANSFER_NOT_OPEN"));
        assertThat(outcomes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(
                        count(
                                "SELECT count(*) FROM custody_event WHERE type = 'ISSUED' AND transfer_id = ANY(ARRAY["
                                        + quoted(transferIds)
                                        + "]::uuid[])"))
                .isEqualTo(6);
    }

    @Test
    void verification_while_confirmations_are_written_reads_one_consistent_snapshot() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> assets = world.registerAssets(120).stream().map(Asset::id).toList();
        List<UUID> transferIds = new ArrayList<>();
        for (UUID asset : assets) {
            transferIds.add(world.open(world.clerk, "ISSUE", null, null, List.of(asset)).id());
        }
        List<Mono<String>> confirmations = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            // spread over time, so that groups commit while the ledger is being read
            confirmations.add(
                    outcome(
                            Mono.delay(java.time.Duration.ofMillis(i * 3L))
                                    .then(
                                            transfers.confirmGrouped(
                                                    world.contractorCustodian.actor(),
                                                    transferIds.get(i),
                                                    List.of(assets.get(i)),
                                                    TransferService.ConfirmContext.api(null, null)
                                                            .acknowledging(
                                                                    HandlingAcknowledgement
                                                                            .ACKNOWLEDGED)))));
        }
        var verifications = Flux.range(0, 12).concatMap(i -> verifier.verify(null)).collectList();
        var both = Mono.zip(Flux.merge(confirmations).collectList(), verifications).block();

        assertThat(both.getT1())
                .hasSize(assets.size())
                .allMatch(o -> o.equals("CONFIRMED COMPLETED"));
        assertThat(both.getT2()).allSatisfy(report -> assertThat(report.brokenLinks()).isEmpty());
        assertThat(verifier.verify(world.contractId).block().verified()).isTrue();
    }

    private static String quoted(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get(0, Long.class)).one().block();
    }

    private String text(String sql) {
        return db.sql(sql).map(r -> r.get(0, String.class)).one().block();
    }
}
