package jp.azukari.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport.TestUser;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP steps of the contract-end tests: approvals of any kind, assets with chosen titles, disposal
 * uploads.
 */
public final class ContractEndActions {

    private final ClockedApiTestSupport test;
    private final CustodyWorld world;

    public ContractEndActions(ClockedApiTestSupport test, CustodyWorld world) {
        this.test = test;
        this.world = world;
    }

    /** Assets with these titles, in order. */
    public List<CustodyWorld.Asset> register(TestUser clerk, String... titles) {
        List<Map<String, Object>> assets = new ArrayList<>();
        for (String title : titles) {
            assets.add(Map.of("kind", "DOCUMENT", "title", title, "sensitivity", "CONFIDENTIAL"));
        }
        return test.as(clerk)
                .post()
                .uri("/api/v1/contracts/{id}/assets", world.contractId)
                .bodyValue(Map.of("assets", assets))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBodyList(CustodyWorld.Asset.class)
                .returnResult()
                .getResponseBody();
    }

    /** An approval asked by the contractor's custodian and approved by the manager. */
    public UUID approve(
            TestUser contractorCustodian,
            TestUser manager,
            String kind,
            List<UUID> assetIds,
            LocalDate validUntil) {
        Map<?, ?> asked =
                test.as(contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        kind,
                                        "assetIds",
                                        assetIds,
                                        "validUntil",
                                        validUntil.toString(),
                                        "reason",
                                        "業務上の必要 " + kind))
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
                .isOk();
        return id;
    }

    public WebTestClient.ResponseSpec dispose(
            TestUser who, UUID assetId, LocalDate on, byte[] certificate, MediaType type) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("method", "SHREDDING");
        form.part("date", on.toString());
        form.part("witness", "立会人 山田");
        form.part(
                        "certificate",
                        new ByteArrayResource(certificate) {
                            @Override
                            public String getFilename() {
                                return "廃棄証明書.pdf";
                            }
                        })
                .contentType(type);
        return test.as(who)
                .post()
                .uri("/api/v1/assets/{id}/disposal", assetId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    /** A few bytes that are a PDF as far as a signature check goes. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% disposal certificate\n" + text + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
