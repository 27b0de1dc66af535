package jp.azukari.scan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The scan station, the transfer page and label links over plain HTTP (what a browser without
 * JavaScript does), signed in by a bearer token: the station's forms reach the same scan service as
 * {@code /api/v1/scans}.
 */
class ScanStationHttpTests extends ApiTestSupport {

    @Autowired LabelService labels;

    CustodyWorld world;
    List<Asset> assets;
    UUID transfer;
    LabelPayloadCodec codec;

    @BeforeEach
    void threeAssetsOnTheirWayToTheContractor() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        assets = world.registerAssets(4);
        transfer =
                world.open(
                                world.clerk,
                                "ISSUE",
                                null,
                                null,
                                assets.subList(0, 3).stream().map(Asset::id).toList())
                        .id();
        codec = labels.codec().block();
    }

    private final java.util.Map<UUID, ConsoleHttp> consoles = new java.util.HashMap<>();

    private ConsoleHttp console(ApiTestSupport.TestUser who) {
        return consoles.computeIfAbsent(who.id(), id -> ConsoleHttp.signIn(http(), who));
    }

    private String wedge(ApiTestSupport.TestUser who, UUID scanId, String label, boolean htmx) {
        ConsoleHttp c = console(who);
        var request = c.post("/scan/wedge").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.body(
                        BodyInserters.fromFormData("transfer", transfer.toString())
                                .with("acknowledgedHandling", "true")
                                .with("scanId", scanId.toString())
                                .with("label", label)
                                .with("_csrf", c.csrf()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private long confirmedLines() {
        return db.sql(
                        "SELECT count(*) FROM transfer_line WHERE transfer_id = :t AND status = 'CONFIRMED'")
                .bind("t", transfer)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }

    @Test
    void aPlainFormScanConfirmsOnceAndTheSameScanSentAgainIsNotCountedTwice() {
        String page =
                console(world.contractorCustodian)
                        .get("/scan?transfer={id}", transfer)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(page)
                .contains("lang=\"ja\"")
                .contains("3件中0件確認済み")
                .contains(assets.get(0).tag())
                .contains("name=\"scanId\"")
                .doesNotContain("<script>")
                .doesNotContain("style=");

        UUID scanId = UUID.randomUUID();
        String first =
                wedge(
                        world.contractorCustodian,
                        scanId,
                        codec.labelPayload(assets.get(0).tag()) + "\r\n",
                        false);
        assertThat(first).contains("3件中1件確認済み").contains("受領確認しました").contains(assets.get(0).tag());
        String again =
                wedge(
                        world.contractorCustodian,
                        scanId,
                        codec.labelPayload(assets.get(0).tag()),
                        false);
        assertThat(again).contains("3件中1件確認済み");
        String rescanned =
                wedge(
                        world.contractorCustodian,
                        UUID.randomUUID(),
                        codec.labelPayload(assets.get(0).tag()),
                        true);
        assertThat(rescanned)
                .contains("確認済みです（二重には数えません）")
                .contains("hx-swap-oob")
                .contains("3件中1件確認済み");
        assertThat(confirmedLines()).isEqualTo(1);
        assertThat(
                        db.sql(
                                        "SELECT device_id || ' ' || scanned_payload FROM custody_event WHERE asset_id = :a AND type = 'ISSUED'")
                                .bind("a", assets.get(0).id())
                                .map(r -> r.get(0, String.class))
                                .one()
                                .block())
                .isEqualTo("browser-wedge " + codec.labelPayload(assets.get(0).tag()));
    }

    /**
     * What a wedge or a Japanese input mode types: full-width characters, lower case, CR/LF, the
     * URL form.
     */
    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars()
                .forEach(
                        c ->
                                out.append(
                                        c > 0x20 && c < 0x7f
                                                ? (char) (c - 0x21 + 0xFF01)
                                                : (char) c));
        return out.toString();
    }

    @Test
    void fullWidthLowerCaseAndUrlFormsAsWedgesTypeThemConfirmTheirAssets() {
        String[] typed = {
            fullWidth(codec.labelPayload(assets.get(0).tag())) + "\r\n",
            codec.labelPayload(assets.get(1).tag()).toLowerCase() + "\n",
            "HTTPS://azukari.example.jp/l/"
                    + codec.labelPayload(assets.get(2).tag()).toLowerCase()
                    + "\r"
        };
        for (String t : typed) {
            assertThat(wedge(world.contractorCustodian, UUID.randomUUID(), t, true))
                    .contains("受領確認しました");
        }
        assertThat(confirmedLines()).isEqualTo(3);
    }

    @Test
    void forgedForeignAndOffTransferLabelsAreToldApartInThePagesLanguageAndCountNothing() {
        String good = codec.labelPayload(assets.get(1).tag());
        String forged = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
        assertThat(wedge(world.contractorCustodian, UUID.randomUUID(), forged, true))
                .contains("偽造ラベル")
                .contains("✗");
        assertThat(
                        wedge(
                                world.contractorCustodian,
                                UUID.randomUUID(),
                                "AZ1:ZZZZ:" + assets.get(1).tag() + ":AAAAAAAAAAAA",
                                true))
                .contains("他のシステムのラベル");
        assertThat(
                        wedge(
                                world.contractorCustodian,
                                UUID.randomUUID(),
                                codec.labelPayload(assets.get(3).tag()),
                                true))
                .contains("参照できる資産にこのラベルはありません");
        assertThat(wedge(world.contractorCustodian, UUID.randomUUID(), "", true))
                .contains("何もスキャンされていません");
        ConsoleHttp c = console(world.contractorCustodian);
        c.post("/language")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(
                        BodyInserters.fromFormData("lang", "en")
                                .with("next", "/scan")
                                .with("_csrf", c.csrf()))
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).as("language switch").isBetween(300, 399));
        String english =
                c.post("/scan/wedge")
                        .header("HX-Request", "true")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(
                                BodyInserters.fromFormData("transfer", transfer.toString())
                                        .with("acknowledgedHandling", "true")
                                        .with("scanId", UUID.randomUUID().toString())
                                        .with("label", forged)
                                        .with("_csrf", c.csrf()))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(english).contains("Forged label").contains("0 of 3 confirmed");
        assertThat(confirmedLines()).isZero();
    }

    @Test
    void theTransferPageShowsItsLinesAndTheReceiptOnceCompleteAndAStrangerGetsNotFound() {
        for (Asset a : assets.subList(0, 3)) {
            wedge(world.contractorCustodian, UUID.randomUUID(), codec.labelPayload(a.tag()), true);
        }
        String page =
                console(world.clerk)
                        .get("/transfers/{id}", transfer)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(page)
                .contains("完了")
                .contains("3件中3件確認済み")
                .contains("/transfers/" + transfer + "/receipt.pdf")
                .contains(world.contractorCustodian.username())
                .contains("browser-wedge");
        assets.subList(0, 3).forEach(a -> assertThat(page).contains(a.tag()));
        console(world.clerk)
                .get("/transfers/{id}/receipt.pdf", transfer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF);

        var stranger = user(Role.CUSTODIAN, party(unique("他社"), PartyKind.CONTRACTOR));
        ConsoleHttp s = console(stranger);
        for (String path :
                List.of(
                        "/transfers/" + transfer,
                        "/transfers/" + transfer + "/receipt.pdf",
                        "/scan?transfer=" + transfer)) {
            String body =
                    s.get(path)
                            .exchange()
                            .expectStatus()
                            .isNotFound()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody();
            assertThat(body).doesNotContain(assets.get(0).tag());
        }
    }

    @Test
    void aPhotoOfATrayWithTwoLabelsConfirmsBothInOnePlainFormPost() {
        var tray =
                LabelPictures.tray(
                        assets.subList(0, 2).stream()
                                .map(
                                        a ->
                                                new jp.azukari.label.LabelContent(
                                                        codec.labelPayload(a.tag()),
                                                        a.tag(),
                                                        "調査票",
                                                        world.contractNumber,
                                                        "発注機関"))
                                .toList());
        ConsoleHttp c = console(world.contractorCustodian);
        var parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("transfer", transfer.toString());
        parts.part("photoId", UUID.randomUUID().toString());
        parts.part("acknowledgedHandling", "true");
        parts.part("_csrf", c.csrf());
        parts.part(
                        "photo",
                        new org.springframework.core.io.ByteArrayResource(tray) {
                            @Override
                            public String getFilename() {
                                return "tray.jpg";
                            }
                        })
                .contentType(MediaType.IMAGE_JPEG);
        var form = parts.build();
        String page =
                c.post("/scan/photo")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(form))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        assertThat(page)
                .contains("3件中2件確認済み")
                .contains(assets.get(0).tag())
                .contains(assets.get(1).tag());
        // the same photo form sent again counts nothing twice
        c.post("/scan/photo")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(confirmedLines()).isEqualTo(2);
        assertThat(
                        db.sql(
                                        "SELECT count(*) FROM custody_event WHERE transfer_id = :t AND type = 'ISSUED' AND device_id = 'browser-photo'")
                                .bind("t", transfer)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(2);
    }

    @Test
    void closingTheNeverScannedLinesMarksThemMissing() {
        wedge(
                world.contractorCustodian,
                UUID.randomUUID(),
                codec.labelPayload(assets.get(0).tag()),
                false);
        ConsoleHttp c = console(world.contractorCustodian);
        c.post("/scan/close-missing")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(
                        BodyInserters.fromFormData("transfer", transfer.toString())
                                .with("reason", "届かず")
                                .with("_csrf", c.csrf()))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/transfers/" + transfer);
        assertThat(
                        db.sql(
                                        "SELECT count(*) FROM transfer_line WHERE transfer_id = :t AND status = 'MISSING'")
                                .bind("t", transfer)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(2);
        assertThat(
                        db.sql("SELECT count(*) FROM incident WHERE transfer_id = :t")
                                .bind("t", transfer)
                                .map(r -> r.get(0, Long.class))
                                .one()
                                .block())
                .isEqualTo(1);
    }

    @Test
    void aLabelLinkSendsAStrangerToSignInAlikeForEveryLabelAndASignedInUserToTheAsset() {
        String real = codec.labelPayload(assets.get(0).tag());
        String forged = real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A");
        for (String path :
                List.of(
                        "/L/" + real,
                        "/l/" + real.toLowerCase(),
                        "/L/" + forged,
                        "/L/AZ1:ZZZZ:X-1:AAAAAAAAAAAA")) {
            var answer =
                    http().get()
                            .uri(path)
                            .exchange()
                            .expectStatus()
                            .isSeeOther()
                            .returnResult(String.class);
            String location = answer.getResponseHeaders().getLocation().toString();
            assertThat(location)
                    .contains("/signin?next=")
                    .doesNotContain(assets.get(0).id().toString());
            assertThat(answer.getResponseBody().collectList().block()).isEmpty();
        }
        assertThat(
                        console(world.clerk)
                                .get("/l/" + real.toLowerCase())
                                .exchange()
                                .expectStatus()
                                .is3xxRedirection()
                                .returnResult(Void.class)
                                .getResponseHeaders()
                                .getLocation()
                                .toString())
                .endsWith("/assets/" + assets.get(0).id());
        console(world.clerk).get("/L/" + forged).exchange().expectStatus().isNotFound();
        console(world.clerk)
                .get("/L/AZ1:ZZZZ:X-1:AAAAAAAAAAAA")
                .exchange()
                .expectStatus()
                .isNotFound();
        var stranger = user(Role.CUSTODIAN, party(unique("他社"), PartyKind.CONTRACTOR));
        console(stranger).get("/L/" + real).exchange().expectStatus().isNotFound();
    }
}
