package jp.azukari.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.azukari.console.CounterScenarioTests.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.scan.web.PdfText;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every flow of the counter scenario with the keyboard alone (issue 11, acceptance 5): Tab and
 * Shift+Tab to move, Enter and Space to act, typing to fill in; no mouse click anywhere (the file
 * chooser's pick itself is set on the input focused by keyboard). Each page on the way is checked
 * by axe-core, the asset list among them.
 */
class KeyboardOnlyCounterTests extends BrowserTestSupport {

    static final int ASSETS = 6;
    static final int BY_PHOTO = 2;

    @Autowired LabelService labels;

    @Test
    void theWholeCounterScenarioWithTheKeyboardAloneAndNoSeriousAccessibilityViolation() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(5), LocalDate.now().plusDays(90));
        page.navigate("/signin");
        assertNoSeriousAccessibilityViolations(page);
        signInByKeyboard(page, world.clerk);
        assertThat(page).hasURL(Pattern.compile(".*/assets$"));
        assertNoSeriousAccessibilityViolations(page);

        // import from a Shift_JIS CSV
        enter(page, link(page, "CSV一括登録"));
        page.waitForURL(Pattern.compile(".*/assets/import$"));
        assertNoSeriousAccessibilityViolations(page);
        choose(page, page.getByLabel("契約"), world.contractId.toString());
        tabTo(page, page.getByLabel("CSVファイル"));
        page.getByLabel("CSVファイル")
                .setInputFiles(
                        new FilePayload("貸与資産.csv", "text/csv", CounterScenarioTests.csv(ASSETS)));
        enter(page, button(page, "内容を確認する"));
        assertThat(page.getByText("Shift_JIS (Windows-31J)として読み込みました：6行、うちエラー0行。")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        enter(page, button(page, "6件を登録する"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("6件の資産を登録しました");
        assertNoSeriousAccessibilityViolations(page);
        Map<String, String> titles = assetsOf(world);
        assertThat(titles).hasSize(ASSETS);

        // one asset's page, from the list
        String firstTag = titles.keySet().iterator().next();
        enter(page, link(page, firstTag));
        page.waitForURL(Pattern.compile(".*/assets/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING).first()).containsText(firstTag);
        assertNoSeriousAccessibilityViolations(page);

        // labels of the contract
        enter(page, link(page, "ラベル印刷"));
        page.waitForURL(Pattern.compile(".*/labels$"));
        choose(page, page.getByLabel("契約のラベルをすべて印刷"), world.contractId.toString());
        enter(page, button(page, "表示"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("6枚のラベル")))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        Locator sheetLink = link(page, "A4シート（24面）のPDF");
        tabTo(page, sheetLink);
        Download sheet = page.waitForDownload(LONG, () -> page.keyboard().press("Enter"));
        CounterScenarioTests.assertLabelSheet(sheet, titles);

        // the ISSUE
        enter(page, link(page, "引渡し"));
        page.waitForURL(Pattern.compile(".*/transfers$"));
        assertNoSeriousAccessibilityViolations(page);
        enter(page, link(page, "受託者への貸与"));
        page.waitForURL(Pattern.compile(".*/transfers/new$"));
        choose(page, page.getByLabel("契約"), world.contractId.toString());
        enter(page, button(page, "資産を表示"));
        page.waitForURL(Pattern.compile(".*/transfers/new\\?contract=.*"));
        assertThat(page.getByLabel("すべて選択")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        space(page, page.getByLabel("すべて選択"));
        assertThat(page.locator("input[name=asset]:checked")).hasCount(ASSETS);
        enter(page, button(page, "引渡しを開始する"));
        page.waitForURL(Pattern.compile(".*/transfers/[0-9a-f-]{36}\\?opened=1$"));
        UUID transfer = CounterScenarioTests.transferOf(page);
        assertNoSeriousAccessibilityViolations(page);

        // the custodian, elsewhere
        Page custodian = newPage();
        custodian.navigate("/signin");
        signInByKeyboard(custodian, world.contractorCustodian);
        assertThat(custodian).hasURL(Pattern.compile(".*/custody$"));
        assertNoSeriousAccessibilityViolations(custodian);
        enter(custodian, link(custodian, "スキャンして受領を確認"));
        custodian.waitForURL(Pattern.compile(".*/scan\\?transfer=.*"));
        Locator input = custodian.getByLabel("ラベルをスキャンまたは入力");
        assertThat(input).isFocused();
        assertNoSeriousAccessibilityViolations(custodian);
        custodian.keyboard().press("Shift+Tab");
        assertThat(custodian.locator("#scan-ack")).isFocused();
        custodian.keyboard().press("Space");
        assertThat(custodian.locator("#scan-ack")).isChecked();
        LabelPayloadCodec codec = labels.codec().block();
        List<String> tags = List.copyOf(titles.keySet());
        for (String tag : tags.subList(0, ASSETS - BY_PHOTO)) {
            CounterScenarioTests.wedge(custodian, codec.labelPayload(tag));
        }
        assertThat(custodian.locator("#scan-lines li.ok")).hasCount(ASSETS - BY_PHOTO);
        assertThat(custodian.locator("#scan-count")).containsText("6件中4件確認済み");
        assertNoSeriousAccessibilityViolations(custodian);

        space(custodian, custodian.locator("#scan-ack-photo"));
        assertThat(custodian.locator("#scan-ack-photo")).isChecked();
        Locator file = custodian.locator("#scan-photo-file");
        tabTo(custodian, file);
        file.setInputFiles(
                new FilePayload(
                        "tray.jpg",
                        "image/jpeg",
                        CounterScenarioTests.tray(
                                world, codec, tags.subList(ASSETS - BY_PHOTO, ASSETS), titles)));
        enter(custodian, button(custodian, "写真を読み取る"));
        assertThat(custodian.locator("#scan-count")).containsText("6件すべて確認済み");
        assertNoSeriousAccessibilityViolations(custodian);
        custodian.context().close();

        // the clerk finds the transfer complete and takes the receipt
        enter(page, link(page, "引渡し"));
        page.waitForURL(Pattern.compile(".*/transfers$"));
        enter(page, page.locator("a[href='/transfers/" + transfer + "']"));
        page.waitForURL(Pattern.compile(".*/transfers/" + transfer + "$"));
        assertThat(page.locator("#transfer-status")).hasText("完了");
        assertNoSeriousAccessibilityViolations(page);
        tabTo(page, link(page, "受領書（PDF）"));
        Download receipt = page.waitForDownload(LONG, () -> page.keyboard().press("Enter"));
        String text = PdfText.of(receipt.path());
        tags.forEach(tag -> assertThat(text).contains(tag));
    }

    private void signInByKeyboard(Page p, ApiTestSupport.TestUser user) {
        tabTo(p, p.getByLabel("ユーザー名"));
        p.keyboard().type(user.username());
        p.keyboard().press("Tab");
        assertThat(p.getByLabel("パスワード")).isFocused();
        p.keyboard().type(user.password());
        p.keyboard().press("Enter");
        p.waitForURL(u -> !u.contains("/signin"));
    }

    private static Locator link(Page p, String name) {
        return p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page p, String name) {
        return p.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Presses Tab (from wherever the focus is) until one of the elements of this locator has the
     * focus.
     */
    static void tabTo(Page p, Locator target) {
        assertThat(target.first()).isVisible();
        for (int i = 0; i < 250; i++) {
            boolean focused =
                    (Boolean)
                            target.evaluateAll(
                                    "els => els.some(e => e === document.activeElement)");
            if (focused) {
                return;
            }
            p.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target + " on " + p.url());
    }

    /** Tab to it, then Enter: a link followed, a form sent. */
    static void enter(Page p, Locator target) {
        tabTo(p, target);
        p.keyboard().press("Enter");
    }

    /** Tab to it, then Space: a checkbox ticked. */
    static void space(Page p, Locator target) {
        tabTo(p, target);
        p.keyboard().press("Space");
    }

    /** Tab to a select, then the arrow keys until it holds this value. */
    static void choose(Page p, Locator select, String value) {
        tabTo(p, select);
        for (int i = 0; i < 100 && !value.equals(select.inputValue()); i++) {
            p.keyboard().press("ArrowDown");
        }
        assertThat(select).hasValue(value);
    }

    private Map<String, String> assetsOf(CustodyWorld world) {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        db.sql("SELECT tag, title FROM asset WHERE contract_id = :c ORDER BY tag")
                .bind("c", world.contractId)
                .map(r -> Map.entry(r.get("tag", String.class), r.get("title", String.class)))
                .all()
                .doOnNext(e -> found.put(e.getKey(), e.getValue()))
                .blockLast();
        return found;
    }
}
