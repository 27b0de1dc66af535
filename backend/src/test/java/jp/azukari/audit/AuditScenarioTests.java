package jp.azukari.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Acceptance 1 and part of 5 of issue 13: an inventory at the contractor, and audits refused. */
class AuditScenarioTests extends ApiTestSupport {

    @Autowired LabelService labels;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(
            UUID assetId,
            String tag,
            String outcome,
            String holderName,
            String custodyState,
            int scans,
            Integer eventSeq,
            UUID incidentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Audit(
            UUID id,
            String status,
            long expected,
            long found,
            long missing,
            long unexpected,
            List<String> auditors,
            List<Item> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(
            UUID scanId, String result, UUID assetId, String tag, String code, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Batch(List<Result> results) {}

    /**
     * 25 assets at the contractor, 5 of them handed on to its subcontractor (30 registered, all
     * issued).
     */
    private List<Asset> contractorAndSubcontractor(CustodyWorld w) {
        List<Asset> all = w.registerAssets(30);
        List<UUID> ids = all.stream().map(Asset::id).toList();
        w.issue(ids);
        List<UUID> five = ids.subList(25, 30);
        UUID approval = w.approveHandoff(five, LocalDate.now().plusDays(20));
        var handoff = w.open(w.contractorCustodian, "HANDOFF", w.subcontractor, approval, five);
        w.confirm(w.subCustodian, handoff.id(), five);
        return all;
    }

    private Audit open(ApiTestSupport.TestUser who, UUID party) {
        return as(who).post()
                .uri("/api/v1/audits")
                .bodyValue(Map.of("partyId", party, "location", "本社 3階 保管庫"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Audit.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> scan(UUID scanId, String payload, UUID audit) {
        Map<String, Object> m = new HashMap<>();
        m.put("scanId", scanId);
        m.put("payload", payload);
        m.put("scannedAt", Instant.now().toString());
        m.put("purpose", "AUDIT");
        m.put("auditId", audit);
        m.put("location", "本社 3階 保管庫");
        return m;
    }

    private Batch send(ApiTestSupport.TestUser who, List<Map<String, Object>> scans) {
        return as(who).post()
                .uri("/api/v1/scans")
                .bodyValue(Map.of("deviceId", "audit-tablet-1", "scans", scans))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Batch.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void anInventoryAtTheContractorFinds22Misses3AndNamesTheSubcontractorForTheUnexpectedOne()
            throws Exception {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<Asset> all = contractorAndSubcontractor(w);
        LabelPayloadCodec codec = labels.codec().block();
        Audit audit = open(w.auditor, w.contractor);
        assertThat(audit.expected()).isEqualTo(25);

        List<Map<String, Object>> scans = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            scans.add(scan(UUID.randomUUID(), codec.labelPayload(all.get(i).tag()), audit.id()));
        }
        scans.add(
                scan(
                        UUID.randomUUID(),
                        codec.labelPayload(all.get(4).tag()),
                        audit.id())); // the same label again
        scans.add(
                scan(
                        UUID.randomUUID(),
                        codec.labelPayload(all.get(27).tag()),
                        audit.id())); // held by the subcontractor
        Batch first = send(w.auditor, scans);
        assertThat(first.results()).hasSize(24);
        assertThat(first.results().subList(0, 23))
                .allSatisfy(r -> assertThat(r.result()).isEqualTo("FOUND"));
        assertThat(first.results().get(22).code()).isEqualTo("ALREADY_SEEN");
        assertThat(first.results().subList(0, 22)).allMatch(r -> r.code() == null);
        Result stray = first.results().get(23);
        assertThat(stray.result()).isEqualTo("UNEXPECTED");
        assertThat(stray.message()).contains("subcontractor");
        // the device retries the whole batch: every scan id counts once
        assertThat(send(w.auditor, scans).results())
                .extracting(Result::result)
                .isEqualTo(first.results().stream().map(Result::result).toList());

        Audit closed =
                as(w.auditor)
                        .post()
                        .uri("/api/v1/audits/{id}/close", audit.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Audit.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.found()).isEqualTo(22);
        assertThat(closed.missing()).isEqualTo(3);
        assertThat(closed.unexpected()).isEqualTo(1);
        assertThat(closed.auditors()).hasSize(1);
        Item unexpected =
                closed.items().stream()
                        .filter(i -> i.outcome().equals("UNEXPECTED"))
                        .findFirst()
                        .orElseThrow();
        assertThat(unexpected.tag()).isEqualTo(all.get(27).tag());
        assertThat(unexpected.holderName()).contains("subcontractor");
        assertThat(unexpected.custodyState()).isEqualTo("WITH_SUBCONTRACTOR");
        assertThat(
                        closed.items().stream()
                                .filter(i -> i.tag().equals(all.get(4).tag()))
                                .findFirst()
                                .orElseThrow()
                                .scans())
                .isEqualTo(2);
        assertThat(
                        closed.items().stream()
                                .filter(i -> i.outcome().equals("MISSING"))
                                .map(Item::tag))
                .containsExactlyInAnyOrder(all.get(22).tag(), all.get(23).tag(), all.get(24).tag());

        // every seen asset's chain records the audit
        for (Item seen :
                closed.items().stream().filter(i -> !i.outcome().equals("MISSING")).toList()) {
            String type =
                    db.sql("SELECT type FROM custody_event WHERE asset_id = :a AND seq = :s")
                            .bind("a", seen.assetId())
                            .bind("s", seen.eventSeq())
                            .map(r -> r.get("type", String.class))
                            .one()
                            .block();
            assertThat(type).isEqualTo("AUDIT_SEEN");
        }
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM custody_event e JOIN audit_result r ON r.asset_id = e.asset_id"
                                                + " WHERE r.audit_id = CAST(:id AS uuid) AND e.type = 'AUDIT_SEEN' AND e.note LIKE '%' || :id || '%'")
                                .bind("id", audit.id().toString())
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(23);

        // the same result as JSON, CSV and PDF
        byte[] csv =
                as(w.auditor)
                        .get()
                        .uri("/api/v1/audits/{id}", audit.id())
                        .accept(MediaType.parseMediaType("text/csv"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(1 + 26);
        byte[] pdf =
                as(w.auditor)
                        .get()
                        .uri("/api/v1/audits/{id}/result.pdf", audit.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text)
                .contains("監査（棚卸し）結果")
                .contains("FOUND 22")
                .contains("MISSING 3")
                .contains("UNEXPECTED 1");
        for (Item i : closed.items()) {
            assertThat(lines)
                    .anySatisfy(
                            l -> assertThat(l).contains(i.tag()).contains("," + i.outcome() + ","));
            assertThat(text).contains(i.tag());
        }

        // the missing ones become one LOSS incident in one step (a MANAGER handles incidents)
        Audit reported =
                as(w.manager)
                        .post()
                        .uri("/api/v1/audits/{id}/missing-incidents", audit.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Audit.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(
                        reported.items().stream()
                                .filter(i -> i.outcome().equals("MISSING"))
                                .map(Item::incidentId)
                                .distinct())
                .hasSize(1)
                .doesNotContainNull();
    }

    @Test
    void aClosedAuditTakesNoScanAndAPartyOutOfSightCannotBeAudited() {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<Asset> assets = w.registerAssets(2);
        w.issue(assets.stream().map(Asset::id).toList());
        LabelPayloadCodec codec = labels.codec().block();
        // a self-inventory by the contractor's own custodian
        Audit audit = open(w.contractorCustodian, w.contractor);
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/audits/{id}/close", audit.id())
                .exchange()
                .expectStatus()
                .isOk();
        long scansBefore = count("SELECT count(*) AS n FROM audit_scan");
        long eventsBefore = count("SELECT count(*) AS n FROM custody_event");
        Batch late =
                send(
                        w.contractorCustodian,
                        List.of(
                                scan(
                                        UUID.randomUUID(),
                                        codec.labelPayload(assets.get(0).tag()),
                                        audit.id())));
        assertThat(late.results().get(0).result()).isEqualTo("REFUSED");
        assertThat(late.results().get(0).code()).isEqualTo("AUDIT_CLOSED");
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/audits/{id}/close", audit.id())
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        // another party does not exist for a custodian; an audit of it neither
        var outsider = user(Role.CUSTODIAN, party(unique("他社"), PartyKind.CONTRACTOR));
        as(w.contractorCustodian)
                .post()
                .uri("/api/v1/audits")
                .bodyValue(Map.of("partyId", w.subcontractor))
                .exchange()
                .expectStatus()
                .isNotFound();
        as(outsider)
                .get()
                .uri("/api/v1/audits/{id}", audit.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        Batch foreign =
                send(
                        outsider,
                        List.of(
                                scan(
                                        UUID.randomUUID(),
                                        codec.labelPayload(assets.get(1).tag()),
                                        audit.id())));
        assertThat(foreign.results().get(0).result()).isIn("LABEL_UNKNOWN", "NOT_ALLOWED");
        as(w.clerk)
                .post()
                .uri("/api/v1/audits")
                .bodyValue(Map.of("partyId", w.contractor))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count("SELECT count(*) AS n FROM audit_scan")).isEqualTo(scansBefore);
        assertThat(count("SELECT count(*) AS n FROM custody_event")).isEqualTo(eventsBefore);
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get("n", Long.class)).one().block();
    }
}
