package jp.azukari.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor's read models: verification runs kept in the database, asset timelines, evidence of
 * refusals.
 */
class AuditReadModelTests extends ApiTestSupport {

    @Autowired VerificationRuns runs;

    @Autowired AssetTimeline timeline;

    @Autowired Evidence evidence;

    @Test
    void aTamperedEventIsNamedByARunAndMarkedOnItsTimeline() throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> assets = world.registerAssets(2).stream().map(CustodyWorld.Asset::id).toList();
        world.issue(assets);
        UUID victim = assets.get(0);
        assertThat(timeline.of(world.auditor.actor(), victim).block().intact()).isTrue();
        String original = tamper(victim, 2, "rewritten behind the application's back");
        try {
            UUID id = runs.start(world.auditor.actor(), null).block();
            VerificationRuns.Run run = finished(world, id);
            assertThat(run.status()).isEqualTo(VerificationRuns.Status.BROKEN);
            assertThat(run.assetsChecked()).isEqualTo(run.assetsTotal());
            assertThat(run.breaks())
                    .anySatisfy(
                            b -> {
                                assertThat(b.assetId()).isEqualTo(victim);
                                assertThat(b.seq()).isEqualTo(2);
                            });
            var t = timeline.of(world.auditor.actor(), victim).block();
            assertThat(t.intact()).isFalse();
            assertThat(t.entries().get(1).broken()).contains("hash");
            assertThat(t.entries().get(0).broken()).isNull();
            assertThat(t.entries().get(2).afterBreak()).isTrue();
        } finally {
            tamper(victim, 2, original);
        }
        assertThat(timeline.of(world.auditor.actor(), victim).block().intact()).isTrue();
    }

    @Test
    void anIntactLedgerVerifiesAndOnlyAuditorsAndManagersStartRuns() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        world.issue(world.registerAssets(2).stream().map(CustodyWorld.Asset::id).toList());
        UUID id = runs.start(world.manager.actor(), world.contractId).block();
        var run = finished(world, id);
        assertThat(run.status()).isEqualTo(VerificationRuns.Status.VERIFIED);
        assertThat(run.assetsTotal()).isEqualTo(2);
        assertThat(run.breaks()).isEmpty();
        assertThatThrownBy(() -> runs.start(world.clerk.actor(), null).block())
                .hasMessageContaining("Only AUDITOR or MANAGER");
    }

    @Test
    void refusedAttemptsAreEvidenceFilteredByRuleAndParty() {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        UUID asset = world.registerAssets(1).get(0).id();
        world.issue(List.of(asset));
        // a handoff without an approval is refused (art. 4) and recorded
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(
                        Map.of(
                                "kind",
                                "HANDOFF",
                                "toPartyId",
                                world.subcontractor,
                                "assetIds",
                                List.of(asset)))
                .exchange()
                .expectStatus()
                .is4xxClientError();
        var mine =
                evidence.find(
                                world.auditor.actor(),
                                new Evidence.Filter(
                                        null,
                                        null,
                                        world.contractor,
                                        LocalDate.now().minusDays(1),
                                        LocalDate.now().plusDays(1)),
                                100)
                        .collectList()
                        .block();
        assertThat(mine).isNotEmpty().allSatisfy(i -> assertThat(i.tag()).isNotBlank());
        var item = mine.get(0);
        assertThat(item.assetId()).isEqualTo(asset);
        var byCode =
                evidence.find(
                                world.auditor.actor(),
                                new Evidence.Filter(
                                        item.refusalCode(),
                                        item.article(),
                                        world.contractor,
                                        null,
                                        null),
                                100)
                        .collectList()
                        .block();
        assertThat(byCode).extracting(Evidence.Item::assetId).contains(asset);
        var otherCode =
                evidence.find(
                                world.auditor.actor(),
                                new Evidence.Filter(
                                        "NO_SUCH_CODE", null, world.contractor, null, null),
                                100)
                        .collectList()
                        .block();
        assertThat(otherCode).isEmpty();
        assertThatThrownBy(
                        () ->
                                evidence.find(
                                                world.contractorCustodian.actor(),
                                                new Evidence.Filter(null, null, null, null, null),
                                                10)
                                        .blockLast())
                .hasMessageContaining("Only AUDITOR or MANAGER");
    }

    private VerificationRuns.Run finished(CustodyWorld world, UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var run = runs.find(world.auditor.actor(), id).block();
            if (!run.running() || System.nanoTime() > deadline) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Sets an event's note as the superuser, the append-only trigger off for that one statement;
     * answers the old note.
     */
    private static String tamper(UUID asset, int seq, String note) throws Exception {
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            var rs =
                    s.executeQuery(
                            "SELECT coalesce(note, '') FROM custody_event WHERE asset_id = '"
                                    + asset
                                    + "' AND seq = "
                                    + seq);
            rs.next();
            String old = rs.getString(1);
            s.execute("SET session_replication_role = replica");
            try (var p =
                    su.prepareStatement(
                            "UPDATE custody_event SET note = nullif(?, '') WHERE asset_id = ?::uuid AND seq = ?")) {
                p.setString(1, note);
                p.setString(2, asset.toString());
                p.setInt(3, seq);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            return old;
        }
    }
}
