package jp.azukari.scan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.label.LabelKey;
import jp.azukari.label.LabelKeyRing;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scan station in Chromium as a contractor's custodian uses it at the counter: labels typed by
 * a keyboard wedge (the payload and Enter), bad labels of every kind told apart in the page's
 * language, nothing counted twice, the transfer page and its receipt, and no serious accessibility
 * violation on any of them.
 */
class ScanStationBrowserTests extends BrowserTestSupport {

    @Autowired LabelService labels;

    CustodyWorld world;
    List<Asset> assets;
    UUID transfer;
    LabelPayloadCodec codec;

    @BeforeEach
    void fourAssetsIssuedToTheContractor() {
        world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        assets = world.registerAssets(5);
        transfer =
                world.open(
                                world.clerk,
                                "ISSUE",
                                null,
                                null,
                                assets.subList(0, 4).stream().map(Asset::id).toList())
                        .id();
        codec = labels.codec().block();
    }

    private Locator wedgeInput(Page p) {
        return p.getByLabel("ラベルをスキャンまたは入力");
    }

    /**
     * The custodian ticks the acknowledgement of the assets' handling requirements (art. 2.2) once;
     * the page gives the focus back to the wedge input.
     */
    private static void acknowledgeHandling(Page p) {
        Locator tick = p.locator("#wedge").getByRole(AriaRole.CHECKBOX);
        if (tick.count() == 1 && !tick.isChecked()) {
            tick.check();
        }
    }

    /** What a keyboard wedge does: types the label's text and Enter. */
    private void scan(Page p, String typed) {
        acknowledgeHandling(p);
        Locator input = wedgeInput(p);
        assertThat(input).isFocused();
        input.pressSequentially(typed);
        input.press("Enter");
    }

    private Locator lines(Page p) {
        return p.locator("#scan-lines li");
    }

    @Test
    void aCustodianConfirmsByWedgeAndEveryBadLabelIsToldApartAndCountsNothing() {
        signIn(page, world.contractorCustodian);
        go(page, "/scan?transfer=" + transfer);
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertThat(
                        page.getByRole(AriaRole.STATUS)
                                .filter(new Locator.FilterOptions().setHasText("確認済み")))
                .containsText("4件中0件確認済み");

        scan(page, codec.labelPayload(assets.get(0).tag()));
        assertThat(lines(page).first()).containsText("✓");
        assertThat(lines(page).first()).containsText(assets.get(0).tag());
        assertThat(lines(page).first()).containsText("受領確認しました");
        assertThat(page.locator("#scan-count")).containsText("4件中1件確認済み");

        String good = codec.labelPayload(assets.get(1).tag());
        scan(page, good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A"));
        assertThat(lines(page).first()).containsText("偽造ラベル");
        assertThat(lines(page).first()).containsText("✗");

        String foreign =
                new LabelPayloadCodec(
                                LabelKeyRing.of(
                                        LabelKey.generate(new java.security.SecureRandom())))
                        .labelPayload(assets.get(1).tag());
        scan(page, foreign);
        assertThat(lines(page).first()).containsText("他のシステムのラベル");

        // a label of the same party's other contract, not on this transfer
        CustodyWorld.Asset other = otherContractAssetHeldByTheContractor();
        scan(page, codec.labelPayload(other.tag()));
        assertThat(lines(page).first()).containsText("この移転に含まれない資産です");

        // the same label again: answered, not counted again
        scan(page, codec.labelPayload(assets.get(0).tag()));
        assertThat(lines(page).first()).containsText("確認済みです（二重には数えません）");

        assertThat(lines(page)).hasCount(5);
        assertThat(page.locator("#scan-count")).containsText("4件中1件確認済み");
        assertThat(page.locator("#scan-missing li")).hasCount(3);
        assertThat(confirmed()).isEqualTo(1);
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void theSameFormSubmittedTwiceWithoutJavaScriptCountsOnce() {
        var noScript = newContext();
        // a browser without JavaScript: the pages have no inline script, so refusing the script
        // files is the same
        noScript.route("**/*.js", route -> route.abort());
        Page p = noScript.newPage();
        signIn(p, world.contractorCustodian);
        go(p, "/scan?transfer=" + transfer);
        Locator input = wedgeInput(p);
        String scanId = p.locator("#wedge input[name=scanId]").inputValue();
        String csrf =
                p.locator("#wedge input[name=_csrf]").count() == 0
                        ? ""
                        : p.locator("#wedge input[name=_csrf]").inputValue();
        acknowledgeHandling(p);
        input.fill(codec.labelPayload(assets.get(2).tag()));
        input.press("Enter");
        assertThat(p.locator("#scan-count")).containsText("4件中1件確認済み");
        assertThat(p.locator("#scan-lines li").first()).containsText("受領確認しました");
        // the browser sends the same form again (a double click, or a resend after a lost answer)
        var again =
                p.request()
                        .post(
                                "/scan/wedge",
                                com.microsoft.playwright.options.RequestOptions.create()
                                        .setForm(
                                                com.microsoft.playwright.options.FormData.create()
                                                        .set("transfer", transfer.toString())
                                                        .set("scanId", scanId)
                                                        .set("acknowledgedHandling", "true")
                                                        .set(
                                                                "label",
                                                                codec.labelPayload(
                                                                        assets.get(2).tag()))
                                                        .set("_csrf", csrf)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).as(again.text()).contains("4件中1件確認済み");
        assertThat(confirmed()).isEqualTo(1);
        noScript.close();
    }

    @Test
    void theTransferPageLeadsToTheStationAndOnceCompleteToTheReceipt() {
        signIn(page, world.contractorCustodian);
        go(page, "/transfers/" + transfer);
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("スキャン受付を開く")).click();
        for (Asset a : assets.subList(0, 4)) {
            scan(page, codec.labelPayload(a.tag()));
            assertThat(page.locator("#scan-" + "lines li.ok")).hasCount(assets.indexOf(a) + 1);
        }
        assertThat(page.locator("#scan-count")).containsText("4件すべて確認済み");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, repositoryPath("docs/images/console-scan-station.png"));

        go(page, "/transfers/" + transfer);
        assertThat(page.locator("#transfer-status")).hasText("完了");
        var download =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions().setName("受領書（PDF）"))
                                        .click());
        String text = PdfText.of(download.path());
        assets.subList(0, 4).forEach(a -> assertThat(text).contains(a.tag()));
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void anotherContractorsCustodianGetsTheNotFoundPageForTheTransferItsStationAndItsReceipt() {
        var stranger = user(Role.CUSTODIAN, party(unique("他社"), PartyKind.CONTRACTOR));
        signIn(page, stranger);
        for (String path :
                List.of(
                        "/transfers/" + transfer,
                        "/scan?transfer=" + transfer,
                        "/transfers/" + transfer + "/receipt.pdf")) {
            var response = go(page, path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(page.content()).doesNotContain(assets.get(0).tag());
        }
    }

    private CustodyWorld.Asset otherContractAssetHeldByTheContractor() {
        String number = world.contractNumber;
        UUID contract = world.contractId;
        world.withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(60));
        Asset other = world.registerAssets(1).get(0);
        world.issue(List.of(other.id()));
        world.contractNumber = number;
        world.contractId = contract;
        return other;
    }

    /**
     * Navigates and waits for the document, not for every sub-resource (a loaded machine is slow
     * with those).
     */
    private static com.microsoft.playwright.Response go(Page p, String path) {
        return p.navigate(
                path,
                new Page.NavigateOptions()
                        .setWaitUntil(
                                com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED)
                        .setTimeout(120_000));
    }

    private long confirmed() {
        return db.sql(
                        "SELECT count(*) FROM transfer_line WHERE transfer_id = :t AND status = 'CONFIRMED'")
                .bind("t", transfer)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }
}
