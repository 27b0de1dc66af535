package jp.azukari.audit.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.ledger.LedgerKeys;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's audit pages (issue 13): open an audit, scan in audit mode, watch the counts follow
 * scans made elsewhere, close, download the result, report the missing as a LOSS; another party's
 * audit is a 404, a role that may not open one gets the 403 page; the About page prints the
 * installation's digest key.
 */
class AuditConsoleTests extends BrowserTestSupport {

    @Autowired LabelService labels;
    @Autowired LedgerKeys keys;

    @BeforeEach
    void patientPages() {
        page.context().setDefaultTimeout(60_000);
        page.context().setDefaultNavigationTimeout(60_000);
    }

    @Test
    void aManagerOpensScansClosesAndDownloadsAnAuditAndReportsTheMissingInOneStep()
            throws Exception {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<CustodyWorld.Asset> assets = w.registerAssets(5);
        w.issue(assets.subList(0, 4).stream().map(CustodyWorld.Asset::id).toList());
        CustodyWorld.Asset atAgency = assets.get(4);
        LabelPayloadCodec codec = labels.codec().block();

        signIn(page, w.manager);
        page.navigate("/audits");
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("監査を開始する")).click();
        page.getByLabel("当事者").selectOption(w.contractor.toString());
        page.getByLabel("場所（任意。棚や部屋など）").fill("倉庫 B");
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("監査を開始する")).click();
        page.waitForURL(Pattern.compile(".*/audits/[0-9a-f-]{36}$"));
        UUID audit = UUID.fromString(page.url().replaceAll(".*/audits/", ""));
        assertThat(page.locator("#count-expected")).hasText("予定：4");
        assertThat(page.locator("#count-missing")).hasText("未確認：4");

        scan(codec.labelPayload(assets.get(0).tag()));
        assertThat(page.locator("#audit-answer")).containsText("確認：この場所に予定どおりあります。");
        scan(codec.labelPayload(assets.get(0).tag()));
        assertThat(page.locator("#audit-answer")).containsText("この監査で読み取り済みです");
        scan(codec.labelPayload(atAgency.tag()));
        assertThat(page.locator("#audit-answer")).containsText("予定外：台帳上は");
        assertThat(page.locator("#audit-answer")).containsText("機関 が保管しています");
        assertThat(page.locator("#count-unexpected")).hasText("予定外：1");
        assertNoSeriousAccessibilityViolations(page);

        // a scan from elsewhere (the scanner app's POST /api/v1/scans) shows without reloading
        as(w.auditor)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(
                        Map.of(
                                "deviceId",
                                "handheld-1",
                                "scans",
                                List.of(
                                        Map.of(
                                                "scanId",
                                                UUID.randomUUID(),
                                                "payload",
                                                codec.labelPayload(assets.get(1).tag()),
                                                "scannedAt",
                                                Instant.now().toString(),
                                                "purpose",
                                                "AUDIT",
                                                "auditId",
                                                audit))))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(page.locator("#count-found")).hasText("確認：2");
        assertThat(page.locator("#item-" + assets.get(1).tag())).containsText("確認");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("監査を終了する")).click();
        assertThat(page.getByText("監査を終了しました。結果は確定しています。")).isVisible();
        assertThat(page.locator("#count-missing")).hasText("所在不明：2");
        assertThat(page.locator("#item-" + assets.get(3).tag())).containsText("所在不明");
        assertNoSeriousAccessibilityViolations(page);

        Download pdf = download("印刷用 PDF（日本語・A4）");
        assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        byte[] csv = Files.readAllBytes(download("CSV（Excel 用）").path());
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        String csvText = new String(csv, StandardCharsets.UTF_8);
        assertThat(csvText.lines().filter(l -> l.contains(",FOUND,"))).hasSize(2);
        assertThat(csvText.lines().filter(l -> l.contains(",MISSING,"))).hasSize(2);
        assertThat(csvText.lines().filter(l -> l.contains(",UNEXPECTED,"))).hasSize(1);
        String json = Files.readString(download("JSON").path());
        assertThat(json)
                .contains("\"found\":2")
                .contains("\"missing\":2")
                .contains("\"unexpected\":1");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("所在不明の資産を紛失事故として報告する"))
                .click();
        assertThat(page.getByText("所在不明の資産について紛失事故を報告しました。")).isVisible();
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM audit_result WHERE audit_id = :a AND outcome = 'MISSING' AND incident_id IS NOT NULL")
                                .bind("a", audit)
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(2);
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM custody_event WHERE type = 'AUDIT_SEEN' AND asset_id = :a")
                                .bind("a", atAgency.id())
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(1);

        // a scan after closing is not counted, and says so
        page.navigate("/audits");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("終了（結果確定）")))
                .isVisible();
    }

    @Test
    void anotherPartysAuditIsNotFoundAndARoleThatMayNotOpenOneGetsTheForbiddenPage() {
        var w =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        w.issue(w.registerAssets(2).stream().map(CustodyWorld.Asset::id).toList());
        UUID audit =
                UUID.fromString(
                        (String)
                                as(w.auditor)
                                        .post()
                                        .uri("/api/v1/audits")
                                        .bodyValue(Map.of("partyId", w.contractor))
                                        .exchange()
                                        .expectStatus()
                                        .isCreated()
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("id"));

        signIn(page, w.subCustodian);
        var response = page.navigate("/audits/" + audit);
        assertThat(response.status()).isEqualTo(404);
        assertNoSeriousAccessibilityViolations(page);
        assertThat(page.navigate("/audits/" + audit + "/result.csv").status()).isEqualTo(404);

        Page clerk = newPage();
        signIn(clerk, w.clerk);
        var forbidden = clerk.navigate("/audits/new");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(clerk.getByText("この操作は許可されていません")).isVisible();
        assertNoSeriousAccessibilityViolations(clerk);
        String token = clerk.locator("meta[name=csrf-token]").getAttribute("content");
        String header = clerk.locator("meta[name=csrf-header]").getAttribute("content");
        var post =
                clerk.request()
                        .post(
                                url("/audits"),
                                RequestOptions.create()
                                        .setHeader(header, token)
                                        .setMaxRedirects(0)
                                        .setForm(
                                                FormData.create()
                                                        .set("partyId", w.contractor.toString())));
        assertThat(post.status()).isEqualTo(403);
        assertThat(
                        db.sql("SELECT count(*) AS n FROM audit WHERE party_id = :p")
                                .bind("p", w.contractor)
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(1);
        clerk.context().close();
    }

    @Test
    void theAboutPagePrintsTheInstallationsDigestKeyToAnyone() {
        var k = keys.current().block();
        page.navigate("/about");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING, new Page.GetByRoleOptions().setName("この環境について")))
                .isVisible();
        assertThat(page.locator("#key-fingerprint")).hasText(k.fingerprint());
        assertThat(page.locator("#key-pem"))
                .containsText(jp.azukari.core.ledger.Ed25519.toPem(k.publicKey()).strip());
        assertThat(page.locator("#key-raw"))
                .hasText(
                        java.util.Base64.getEncoder()
                                .encodeToString(jp.azukari.core.ledger.Ed25519.raw(k.publicKey())));
        assertNoSeriousAccessibilityViolations(page);
    }

    private void scan(String payload) {
        page.getByLabel("ラベルを読み取るか入力").fill(payload);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み取りを記録する")).click();
        page.waitForLoadState();
    }

    private Download download(String link) {
        return page.waitForDownload(
                () ->
                        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link))
                                .click());
    }
}
