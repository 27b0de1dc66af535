package jp.azukari.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The handover receipt (受領書) of a transfer, over HTTP: its text, its scope, and no receipt before
 * completion.
 */
class ReceiptApiTests extends ApiTestSupport {

    @Test
    void aCompletedIssueHasAReceiptWithBothPartiesEveryTagAndEachLinesLedgerHash()
            throws Exception {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<Asset> assets = world.registerAssets(30);
        List<UUID> ids = assets.stream().map(Asset::id).toList();
        CustodyWorld.Transfer t = world.open(world.clerk, "ISSUE", null, null, ids);
        world.confirm(world.contractorCustodian, t.id(), ids.subList(0, 29));
        // the last one never arrives: closed as MISSING, so the receipt shows both kinds of line
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/close-missing", t.id())
                .bodyValue(Map.of("reason", "届かず"))
                .exchange()
                .expectStatus()
                .isOk();

        byte[] pdf =
                as(world.clerk)
                        .get()
                        .uri("/api/v1/transfers/{id}/receipt.pdf", t.id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PDF)
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages())
                    .as("30 lines do not fit on one A4 page")
                    .isGreaterThan(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("受")
                    .contains("領")
                    .contains("書")
                    .contains(world.contractNumber)
                    .contains("調査業務")
                    .contains(name(world.agency))
                    .contains(name(world.contractor))
                    .contains("1 / " + doc.getNumberOfPages() + " ページ")
                    .contains(t.id().toString())
                    .contains("不着")
                    .contains("受領確認");
            assets.forEach(a -> assertThat(text).contains(a.tag()));
            // each line's hash is the one the ledger shows for the event that closed it
            List<Map<String, Object>> events =
                    as(world.auditor)
                            .get()
                            .uri("/api/v1/assets/{id}/events", ids.get(0))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBodyList(
                                    new org.springframework.core.ParameterizedTypeReference<
                                            Map<String, Object>>() {})
                            .returnResult()
                            .getResponseBody();
            String issued =
                    events.stream()
                            .filter(e -> "ISSUED".equals(e.get("type")))
                            .map(e -> (String) e.get("hash"))
                            .findFirst()
                            .orElseThrow();
            assertThat(text).contains(issued);
        }
        // the custodian who confirmed may read it too
        as(world.contractorCustodian)
                .get()
                .uri("/api/v1/transfers/{id}/receipt.pdf", t.id())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void noReceiptWhileTheTransferIsOpenAndAStrangerCustodianGetsNotFound() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<UUID> ids = world.registerAssets(2).stream().map(Asset::id).toList();
        CustodyWorld.Transfer t = world.open(world.clerk, "ISSUE", null, null, ids);

        as(world.clerk)
                .get()
                .uri("/api/v1/transfers/{id}/receipt.pdf", t.id())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TRANSFER_NOT_COMPLETED");

        world.confirm(world.contractorCustodian, t.id(), ids);
        var stranger = user(Role.CUSTODIAN, party(unique("他社"), PartyKind.CONTRACTOR));
        as(stranger)
                .get()
                .uri("/api/v1/transfers/{id}/receipt.pdf", t.id())
                .exchange()
                .expectStatus()
                .isNotFound();
        as(stranger)
                .get()
                .uri("/api/v1/transfers/{id}/receipt.pdf", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
        http().get()
                .uri("/api/v1/transfers/{id}/receipt.pdf", t.id())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private String name(UUID party) {
        return db.sql("SELECT name FROM party WHERE id = :id")
                .bind("id", party)
                .map(r -> r.get("name", String.class))
                .one()
                .block();
    }
}
