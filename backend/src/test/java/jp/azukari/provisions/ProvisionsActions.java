package jp.azukari.provisions;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.ApiTestSupport.TestUser;
import jp.azukari.support.CustodyWorld;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** HTTP steps of the provisions tests. */
final class ProvisionsActions {

    private final ApiTestSupport test;
    private final CustodyWorld world;

    ProvisionsActions(ApiTestSupport test, CustodyWorld world) {
        this.test = test;
        this.world = world;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static ByteArrayResource file(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    UUID networkApproval(TestUser custodian, TestUser manager, LocalDate validUntil) {
        Map<?, ?> asked =
                test.as(custodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "NETWORK_CONNECTION",
                                        "validUntil",
                                        validUntil.toString(),
                                        "reason",
                                        "庁内LANへの作業端末接続"))
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

    WebTestClient.ResponseSpec registerDevice(
            TestUser who, UUID contractId, UUID approval, LocalDate validUntil) {
        return test.as(who)
                .post()
                .uri("/api/v1/contracts/{id}/devices", contractId)
                .bodyValue(
                        Map.of(
                                "name",
                                "作業用ノートPC 01",
                                "identifier",
                                "MAC 00:11:22:33:44:55",
                                "purpose",
                                "データ入力",
                                "network",
                                "庁内LAN 第2セグメント",
                                "approvalId",
                                approval,
                                "validUntil",
                                validUntil.toString()))
                .exchange();
    }

    WebTestClient.ResponseSpec answer(
            TestUser who, UUID request, String text, byte[]... attachments) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("text", text);
        int i = 0;
        for (byte[] a : attachments) {
            form.part("attachment", file(a, "報告書" + (++i) + ".pdf"))
                    .contentType(MediaType.APPLICATION_PDF);
        }
        return test.as(who)
                .post()
                .uri("/api/v1/report-requests/{id}/answer", request)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    WebTestClient.ResponseSpec certify(TestUser who, LocalDate validUntil, byte[] certificate) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("scheme", "ISO/IEC 27001");
        form.part("number", "IS 123456");
        form.part("scope", "データ入力業務");
        form.part("validUntil", validUntil.toString());
        form.part("certificate", file(certificate, "認証書.pdf"))
                .contentType(MediaType.APPLICATION_PDF);
        return test.as(who)
                .post()
                .uri("/api/v1/certifications")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    UUID incident(TestUser reporter, UUID assetId, java.time.Instant occurredAt) {
        Map<?, ?> body =
                test.as(reporter)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "SUSPECTED_LEAK",
                                        "assetIds",
                                        java.util.List.of(assetId),
                                        "occurredAt",
                                        occurredAt.toString(),
                                        "description",
                                        "調査票の写しが机上に放置されていた"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    Map<?, ?> provisions(TestUser who) {
        return test.as(who)
                .get()
                .uri("/api/v1/contracts/{id}/report/provisions", world.contractId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
