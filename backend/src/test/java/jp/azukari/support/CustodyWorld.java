package jp.azukari.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import org.springframework.http.HttpStatus;

/**
 * A small world for custody tests: an agency with its manager, clerk and auditor, a contractor and
 * a subcontractor each with a custodian, and a contract between them. Everything through the HTTP
 * API but the parties and users.
 */
public final class CustodyWorld {

    public final UUID agency;
    public final UUID contractor;
    public final UUID subcontractor;
    public final ApiTestSupport.TestUser manager;
    public final ApiTestSupport.TestUser clerk;
    public final ApiTestSupport.TestUser auditor;
    public final ApiTestSupport.TestUser contractorCustodian;
    public final ApiTestSupport.TestUser subCustodian;
    public UUID contractId;
    public String contractNumber;
    private final ApiTestSupport test;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Asset(UUID id, String tag, String custodyState, UUID holderPartyId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfer(
            UUID id,
            String kind,
            String status,
            int pendingLines,
            List<Map<String, Object>> lines) {}

    public CustodyWorld(ApiTestSupport test) {
        this.test = test;
        String name = ApiTestSupport.unique("world");
        agency = test.party(name + " 機関", PartyKind.AGENCY);
        contractor = test.party(name + " contractor", PartyKind.CONTRACTOR);
        subcontractor = test.party(name + " subcontractor", PartyKind.SUBCONTRACTOR);
        manager = test.user(Role.MANAGER, agency);
        clerk = test.user(Role.CLERK, agency);
        auditor = test.user(Role.AUDITOR, agency);
        contractorCustodian = test.user(Role.CUSTODIAN, contractor);
        subCustodian = test.user(Role.CUSTODIAN, subcontractor);
    }

    public CustodyWorld withContract(LocalDate starts, LocalDate ends) {
        contractNumber = ApiTestSupport.unique("C");
        Map<?, ?> body =
                test.as(manager)
                        .post()
                        .uri("/api/v1/contracts")
                        .bodyValue(
                                Map.of(
                                        "number",
                                        contractNumber,
                                        "title",
                                        "調査業務 " + contractNumber,
                                        "contractorPartyId",
                                        contractor,
                                        "startsOn",
                                        starts.toString(),
                                        "endsOn",
                                        ends.toString()))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        contractId = UUID.fromString((String) body.get("id"));
        return this;
    }

    public List<Asset> registerAssets(int n) {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assets.add(
                    Map.of(
                            "kind",
                            i % 2 == 0 ? "RECORDING_MEDIA" : "DOCUMENT",
                            "title",
                            "個人情報を含む調査票 " + i,
                            "sensitivity",
                            "PERSONAL_DATA",
                            "handlingRequirements",
                            "施錠保管"));
        }
        return test.as(clerk)
                .post()
                .uri("/api/v1/contracts/{id}/assets", contractId)
                .bodyValue(Map.of("assets", assets))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBodyList(Asset.class)
                .returnResult()
                .getResponseBody();
    }

    public Transfer open(
            ApiTestSupport.TestUser who, String kind, UUID to, UUID approval, List<UUID> assetIds) {
        var body = new java.util.HashMap<String, Object>();
        body.put("kind", kind);
        body.put("assetIds", assetIds);
        if (to != null) {
            body.put("toPartyId", to);
        }
        if (approval != null) {
            body.put("approvalId", approval);
        }
        return test.as(who)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Transfer.class)
                .returnResult()
                .getResponseBody();
    }

    /** Confirms as the receiver, acknowledging the assets' handling requirements (art. 2.2). */
    public Transfer confirm(ApiTestSupport.TestUser who, UUID transfer, List<UUID> assetIds) {
        return test.as(who)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", transfer)
                .bodyValue(
                        Map.of(
                                "assetIds",
                                assetIds,
                                "deviceId",
                                "test-device",
                                "acknowledgedHandling",
                                true))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Transfer.class)
                .returnResult()
                .getResponseBody();
    }

    /** Issues the assets to the contractor, confirmed by its custodian. */
    public void issue(List<UUID> assetIds) {
        Transfer t = open(clerk, "ISSUE", null, null, assetIds);
        Transfer done = confirm(contractorCustodian, t.id(), assetIds);
        if (!"COMPLETED".equals(done.status())) {
            throw new AssertionError("issue did not complete: " + done);
        }
    }

    /**
     * A PROVIDE_TO_SUBCONTRACTOR approval for these assets, asked by the contractor and approved by
     * the manager.
     */
    public UUID approveHandoff(List<UUID> assetIds, LocalDate validUntil) {
        Map<?, ?> asked =
                test.as(contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        contractId,
                                        "kind",
                                        "PROVIDE_TO_SUBCONTRACTOR",
                                        "subcontractorPartyId",
                                        subcontractor,
                                        "assetIds",
                                        assetIds,
                                        "validUntil",
                                        validUntil.toString(),
                                        "reason",
                                        "データ入力の再委託"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        UUID id = UUID.fromString((String) asked.get("id"));
        test.as(manager)
                .post()
                .uri("/api/v1/approvals/{id}/decision", id)
                .bodyValue(Map.of("decision", "APPROVED"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.OK);
        return id;
    }
}
