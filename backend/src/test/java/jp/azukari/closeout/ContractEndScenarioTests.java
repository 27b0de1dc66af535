package jp.azukari.closeout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ClockedApiTestSupport;
import jp.azukari.support.ContractEndActions;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Acceptance 1: a contract ends with assets at the contractor and at a subcontractor, is chased,
 * recovered and closed.
 */
class ContractEndScenarioTests extends ClockedApiTestSupport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String asOf, long totalAssets, List<Group> groups) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(
            String contractNumber,
            UUID holderPartyId,
            String holderKind,
            long totalAssets,
            List<Item> assets) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(UUID assetId, String tag, String title, String dueOn, int daysOverdue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outstanding(UUID assetId, String tag, UUID holderPartyId, String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refused(String code, String article, List<Outstanding> outstanding) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContractReport(
            boolean verified,
            Map<String, Long> assetsByState,
            List<AssetEntry> assets,
            List<Map<String, Object>> approvals,
            List<Map<String, Object>> disposals) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssetEntry(String tag, String custodyState, List<Map<String, Object>> chain) {}

    static final LocalDate START = LocalDate.of(2030, 4, 1);
    static final LocalDate END = LocalDate.of(2030, 6, 30);

    @Test
    void
            assets_at_contractor_and_subcontractor_become_overdue_after_the_end_and_block_the_close_until_recovered_returned_or_disposed()
                    throws Exception {
        clock.setDay(LocalDate.of(2030, 6, 1));
        var world = new CustodyWorld(this).withContract(START, END);
        var steps = new ContractEndActions(this, world);
        List<Asset> assets =
                steps.register(world.clerk, "調査票, 第1巻", "録音媒体 \"原本\"", "図面A", "図面B", "台帳C", "台帳D");
        List<UUID> all = assets.stream().map(Asset::id).toList();
        List<UUID> toSub = all.subList(4, 6);
        world.issue(all);
        UUID handoffApproval = world.approveHandoff(toSub, LocalDate.of(2030, 7, 31));
        var handoff =
                world.open(
                        world.contractorCustodian,
                        "HANDOFF",
                        world.subcontractor,
                        handoffApproval,
                        toSub);
        world.confirm(world.subCustodian, handoff.id(), toSub);

        // the day before the return date and on it: nothing overdue; from the day after: everything
        // held, by holder
        assertThat(overdue(world, END.minusDays(1)).totalAssets()).isZero();
        assertThat(overdue(world, END).groups()).isEmpty();
        Report dayAfter = overdue(world, END.plusDays(1));
        assertThat(dayAfter.totalAssets()).isEqualTo(6);
        assertThat(dayAfter.groups())
                .extracting(Group::holderPartyId)
                .containsExactly(world.contractor, world.subcontractor);
        assertThat(dayAfter.groups()).extracting(Group::totalAssets).containsExactly(4L, 2L);
        assertThat(dayAfter.groups().get(0).assets())
                .allSatisfy(
                        i -> {
                            assertThat(i.daysOverdue()).isEqualTo(1);
                            assertThat(i.dueOn()).isEqualTo(END.toString());
                        });
        assertThat(overdue(world, END.plusDays(3)).groups().get(1).assets())
                .extracting(Item::daysOverdue)
                .containsOnly(3);

        // a custodian sees only what its own party holds
        Report subView =
                as(world.subCustodian)
                        .get()
                        .uri("/api/v1/reports/overdue?asOf={d}", END.plusDays(1))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Report.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(subView.groups())
                .singleElement()
                .satisfies(
                        g ->
                                assertThat(g.assets())
                                        .extracting(Item::assetId)
                                        .containsExactlyInAnyOrderElementsOf(toSub));

        // the same report as CSV: BOM, header, one quoted line per asset, CRLF
        byte[] csv =
                as(world.manager)
                        .get()
                        .uri(
                                "/api/v1/reports/overdue?asOf={d}&contractId={c}",
                                END.plusDays(1),
                                world.contractId)
                        .accept(MediaType.parseMediaType("text/csv"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0])
                .isEqualTo(
                        "contract_number,contract_title,holder,holder_kind,tag,title,kind,sensitivity,custody_state,"
                                + "due_on,days_overdue,open_transfer");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("\"調査票, 第1巻\"").endsWith(",2030-06-30,1,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"録音媒体 \"\"原本\"\"\""));

        // after the end the work is marked completed; closing is refused with exactly what is
        // outstanding, subcontractor first
        clock.setDay(END.plusDays(2));
        var manager = fresh(world.manager);
        as(manager)
                .post()
                .uri("/api/v1/contracts/{id}/complete", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.completedOn")
                .isEqualTo(END.plusDays(2).toString());
        Refused refused =
                as(manager)
                        .post()
                        .uri("/api/v1/contracts/{id}/close", world.contractId)
                        .exchange()
                        .expectStatus()
                        .isEqualTo(409)
                        .expectBody(Refused.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(refused.code()).isEqualTo("OUTSTANDING_ASSETS");
        assertThat(refused.article()).isEqualTo("7");
        var chaseOrder = new java.util.ArrayList<>(sortedByTag(assets, toSub));
        chaseOrder.addAll(sortedByTag(assets, all.subList(0, 4)));
        assertThat(refused.outstanding())
                .extracting(Outstanding::assetId)
                .containsExactlyElementsOf(chaseOrder);
        assertThat(refused.outstanding())
                .extracting(Outstanding::reason)
                .containsExactly(
                        "HELD_BY_SUBCONTRACTOR",
                        "HELD_BY_SUBCONTRACTOR",
                        "HELD_BY_CONTRACTOR",
                        "HELD_BY_CONTRACTOR",
                        "HELD_BY_CONTRACTOR",
                        "HELD_BY_CONTRACTOR");
        assertThat(refused.outstanding())
                .extracting(Outstanding::holderPartyId)
                .containsExactly(
                        world.subcontractor,
                        world.subcontractor,
                        world.contractor,
                        world.contractor,
                        world.contractor,
                        world.contractor);

        // recover from the subcontractor, dispose of one under approval, return the rest
        var sub = fresh(world.subCustodian);
        var contractor = fresh(world.contractorCustodian);
        var clerk = fresh(world.clerk);
        var recover = world.open(sub, "RECOVER", null, null, toSub);
        world.confirm(contractor, recover.id(), toSub);
        UUID disposed = all.get(0);
        steps.approve(
                contractor,
                manager,
                "DISPOSE_INSTEAD_OF_RETURN",
                List.of(disposed),
                END.plusDays(30));
        byte[] certificate = ContractEndActions.pdf("裁断により廃棄");
        Map<?, ?> disposal =
                steps.dispose(
                                contractor,
                                disposed,
                                END.plusDays(1),
                                certificate,
                                MediaType.APPLICATION_PDF)
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        String sha =
                java.util.HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
        assertThat(((Map<?, ?>) disposal.get("certificate")).get("sha256")).isEqualTo(sha);
        var download =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/disposals/{id}/certificate", disposal.get("id"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals(
                                "Repr-Digest",
                                "sha-256=:"
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        MessageDigest.getInstance("SHA-256")
                                                                .digest(certificate))
                                        + ":")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(download).isEqualTo(certificate);
        List<UUID> rest = all.subList(1, 6);
        var ret = world.open(contractor, "RETURN", null, null, rest);
        world.confirm(clerk, ret.id(), rest);

        as(manager)
                .post()
                .uri("/api/v1/contracts/{id}/close", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED");

        // the compliance report: every asset with its whole chain, the approvals and the disposal,
        // and a verified ledger
        ContractReport report =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/contracts/{id}/report", world.contractId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(ContractReport.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(report.verified()).isTrue();
        assertThat(report.assetsByState())
                .containsExactlyInAnyOrderEntriesOf(Map.of("DISPOSED", 1L, "RETURNED", 5L));
        assertThat(report.assets())
                .hasSize(6)
                .allSatisfy(
                        a ->
                                assertThat(a.chain())
                                        .first()
                                        .satisfies(
                                                e ->
                                                        assertThat(e.get("type"))
                                                                .isEqualTo("REGISTERED")));
        AssetEntry first =
                report.assets().stream()
                        .filter(a -> a.tag().equals(tag(assets, disposed)))
                        .findFirst()
                        .orElseThrow();
        assertThat(first.chain())
                .extracting(e -> e.get("type"))
                .containsExactly("REGISTERED", "TRANSFER_OPENED", "ISSUED", "REFUSED", "DISPOSED");
        assertThat((String) first.chain().get(4).get("note")).contains(sha);
        AssetEntry handedOff =
                report.assets().stream()
                        .filter(a -> a.tag().equals(tag(assets, toSub.get(0))))
                        .findFirst()
                        .orElseThrow();
        assertThat(handedOff.chain())
                .extracting(e -> e.get("type"))
                .containsExactly(
                        "REGISTERED",
                        "TRANSFER_OPENED",
                        "ISSUED",
                        "TRANSFER_OPENED",
                        "HANDED_OFF",
                        "REFUSED",
                        "TRANSFER_OPENED",
                        "RECOVERED",
                        "TRANSFER_OPENED",
                        "RETURNED");
        assertThat(report.approvals()).hasSize(2);
        assertThat(report.disposals())
                .singleElement()
                .satisfies(d -> assertThat(d.get("certificateSha256")).isEqualTo(sha));

        // and as CSV: one line per ledger event, the verification in a header
        var csvReport =
                as(fresh(world.auditor))
                        .get()
                        .uri("/api/v1/contracts/{id}/report", world.contractId)
                        .accept(MediaType.parseMediaType("text/csv"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("Azukari-Ledger-Verified", "true")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        long events = report.assets().stream().mapToLong(a -> a.chain().size()).sum();
        assertThat(new String(csvReport, StandardCharsets.UTF_8).split("\r\n"))
                .hasSize((int) events + 1);
    }

    @Test
    void completing_a_contract_before_its_end_makes_everything_held_due_that_day() {
        LocalDate today = LocalDate.of(2030, 5, 10);
        clock.setDay(today);
        var world = new CustodyWorld(this).withContract(START, END);
        List<UUID> ids = world.registerAssets(2).stream().map(Asset::id).toList();
        world.issue(ids);
        assertThat(overdue(world, today.plusDays(1)).totalAssets()).isZero();

        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/complete", world.contractId)
                .exchange()
                .expectStatus()
                .isOk();

        Report report = overdue(world, today.plusDays(2));
        assertThat(report.totalAssets()).isEqualTo(2);
        assertThat(report.groups().get(0).assets())
                .allSatisfy(
                        i -> {
                            assertThat(i.dueOn()).isEqualTo(today.toString());
                            assertThat(i.daysOverdue()).isEqualTo(2);
                        });
        as(world.manager)
                .post()
                .uri("/api/v1/contracts/{id}/complete", world.contractId)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/contracts/{id}/close", world.contractId)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private Report overdue(CustodyWorld world, LocalDate asOf) {
        return as(fresh(world.manager))
                .get()
                .uri("/api/v1/reports/overdue?asOf={d}&contractId={c}", asOf, world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Report.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> sortedByTag(List<Asset> assets, List<UUID> ids) {
        return assets.stream()
                .filter(a -> ids.contains(a.id()))
                .sorted(java.util.Comparator.comparing(Asset::tag))
                .map(Asset::id)
                .toList();
    }

    private static String tag(List<Asset> assets, UUID id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().tag();
    }
}
