package jp.azukari.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * The clerk's and the custodian's counter screens, each checked by axe, and the custodian's scope
 * on every route.
 */
class ConsoleCounterTests extends BrowserTestSupport {

    @Test
    void aClerkRegistersAnAssetPrintsLabelsAndIssuesAssetsWhichTheCustodianSeesWaiting() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        List<CustodyWorld.Asset> assets = world.registerAssets(3);
        signIn(page, world.clerk);

        page.navigate("/assets/new");
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
        assertThat(page.getByText("名称を入力してください。").first()).isVisible();
        assertThat(page.getByLabel("名称")).hasAttribute("aria-invalid", "true");
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByLabel("名称").fill("入札参加資格審査申請書");
        page.getByLabel("種別").selectOption("DOCUMENT");
        page.getByLabel("機密区分").selectOption("CONFIDENTIAL");
        page.getByLabel("タグ").fill("ｂ－２０２６－０００７");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("資産を登録しました");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("B-2026-0007 入札参加資格審査申請書")))
                .isVisible();

        page.navigate("/assets?contract=" + world.contractId);
        page.getByLabel(assets.get(0).tag() + " を選択").check();
        page.getByLabel(assets.get(1).tag() + " を選択").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("選択した資産のラベルを印刷"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("2枚のラベル")))
                .isVisible();
        assertThat(page.locator("img.label-preview")).hasCount(2);
        assertNoSeriousAccessibilityViolations(page);
        String pdfHref =
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A4シート（24面）のPDF"))
                        .getAttribute("href");
        var pdf = page.request().get(url(pdfHref));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        page.navigate("/transfers/new");
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("資産を表示")).click();
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel(assets.get(0).tag()).check();
        page.getByLabel(assets.get(1).tag()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("引渡しを開始する")).click();
        page.waitForURL(Pattern.compile(".*/transfers/[0-9a-f-]{36}\\?opened=1$"));
        UUID transfer =
                UUID.fromString(page.url().replaceAll(".*/transfers/([0-9a-f-]{36}).*", "$1"));
        assertThat(
                        db.sql("SELECT count(*) AS n FROM transfer_line WHERE transfer_id = :t")
                                .bind("t", transfer)
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(2);

        page.navigate("/transfers");
        assertThat(
                        page.getByRole(
                                        AriaRole.LINK,
                                        new Page.GetByRoleOptions().setName("スキャンして確認"))
                                .first())
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);

        Page custodian = newPage();
        signIn(custodian, world.contractorCustodian);
        assertThat(custodian).hasURL(Pattern.compile(".*/custody$"));
        assertThat(
                        custodian.getByRole(
                                AriaRole.LINK, new Page.GetByRoleOptions().setName("スキャンして受領を確認")))
                .hasAttribute("href", "/scan?transfer=" + transfer);
        assertThat(custodian.getByText("2件中0件")).isVisible();
        assertNoSeriousAccessibilityViolations(custodian);
        custodian.context().close();
    }

    @Test
    void aCustodianSeesWhatItsPartyHoldsAsksForApprovalAndReportsAnIncident() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        List<CustodyWorld.Asset> assets = world.registerAssets(2);
        world.issue(assets.stream().map(CustodyWorld.Asset::id).toList());
        signIn(page, world.contractorCustodian);
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("保有している資産（2件）")))
                .isVisible();
        assertThat(page.getByText("確認待ちの引渡しはありません。")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(assets.get(0).tag()))
                .click();
        assertThat(page.getByText("受託者が保有")).isVisible();
        assertThat(page.getByText("施錠保管")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/approvals/new");
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByLabel("複製").check();
        page.getByLabel("有効期限").fill(LocalDate.now().plusDays(30).toString());
        page.getByLabel("理由").fill("バックアップのため");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申請する")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("申請を発注機関に送りました");
        assertThat(
                        db.sql(
                                        "SELECT count(*) AS n FROM approval WHERE contract_id = :c AND kind = 'COPY'")
                                .bind("c", world.contractId)
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isEqualTo(1);

        page.navigate("/incidents/new");
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("事故の種類").selectOption("SUSPECTED_LEAK");
        page.getByLabel(assets.get(1).tag()).check();
        page.getByLabel("発生日時").fill(LocalDate.now().minusDays(1) + "T10:30");
        page.getByLabel("内容").fill("送付先を誤った可能性があります");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("報告する")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("事故を発注機関に報告しました");
    }

    @Test
    void anotherContractorsCustodianGetsTheNotFoundPageForEveryIdOfThisContract() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        List<CustodyWorld.Asset> assets = world.registerAssets(2);
        world.issue(List.of(assets.get(0).id()));
        UUID asset = assets.get(0).id();
        UUID contract = world.contractId;
        CustodyWorld other = new CustodyWorld(this);
        signIn(page, other.contractorCustodian);

        for (String path :
                List.of(
                        "/assets/" + asset,
                        "/assets/" + asset + "/label.png",
                        "/assets?contract=" + contract,
                        "/labels?asset=" + asset,
                        "/labels?contract=" + contract,
                        "/labels.pdf?asset=" + asset,
                        "/labels.pdf?contract=" + contract,
                        "/transfers?contract=" + contract,
                        "/assets/not-a-uuid")) {
            Response response = page.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(
                            page.getByRole(
                                    AriaRole.HEADING,
                                    new Page.GetByRoleOptions().setName("ページが見つかりません")))
                    .isVisible();
            assertThat(page.content()).as(path).doesNotContain(assets.get(0).tag());
        }
        assertNoSeriousAccessibilityViolations(page);

        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        var approvalAnswer =
                page.request()
                        .post(
                                url("/approvals/new"),
                                RequestOptions.create()
                                        .setForm(
                                                FormData.create()
                                                        .set("_csrf", csrf)
                                                        .set("contract", contract.toString())
                                                        .set("kind", "COPY")
                                                        .set(
                                                                "validUntil",
                                                                LocalDate.now()
                                                                        .plusDays(5)
                                                                        .toString())
                                                        .set("reason", "x"))
                                        .setMaxRedirects(0));
        assertThat(approvalAnswer.status()).isEqualTo(404);
        var incident =
                page.request()
                        .post(
                                url("/incidents/new"),
                                RequestOptions.create()
                                        .setForm(
                                                FormData.create()
                                                        .set("_csrf", csrf)
                                                        .set("kind", "OTHER")
                                                        .set("asset", asset.toString())
                                                        .set(
                                                                "occurredAt",
                                                                LocalDate.now().minusDays(1)
                                                                        + "T09:00")
                                                        .set("description", "x"))
                                        .setMaxRedirects(0));
        assertThat(incident.status()).isEqualTo(404);
        assertThat(
                        db.sql("SELECT count(*) AS n FROM approval WHERE contract_id = :c")
                                .bind("c", contract)
                                .map(r -> r.get("n", Long.class))
                                .one()
                                .block())
                .isZero();

        for (String path :
                List.of("/assets/new", "/assets/import", "/transfers/new?contract=" + contract)) {
            Response response = page.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(
                            page.getByRole(
                                    AriaRole.HEADING,
                                    new Page.GetByRoleOptions().setName("この操作は許可されていません")))
                    .isVisible();
        }
    }
}
