package jp.azukari.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.label.LabelContent;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.scan.web.LabelPictures;
import jp.azukari.scan.web.PdfText;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The counter from start to end in the browser only (issue 11, acceptance 2): a clerk imports
 * twenty assets from an Excel CSV in Shift_JIS, prints their labels and issues them; the
 * contractor's custodian, at another desk, confirms eighteen with a keyboard wedge and two with a
 * photo of a tray; the clerk sees the transfer complete and takes the receipt, which names every
 * tag; the ledger holds every confirmation with its device and the payload scanned.
 */
class CounterScenarioTests extends BrowserTestSupport {

    static final Charset SJIS = Charset.forName("windows-31j");
    static final int ASSETS = 20;
    static final int BY_PHOTO = 2;

    /** PDFs are made on a machine shared with other builds: give them time. */
    static final Page.WaitForDownloadOptions LONG =
            new Page.WaitForDownloadOptions().setTimeout(120_000);

    @Autowired LabelService labels;

    @Test
    void aClerkImportsPrintsAndIssuesTwentyAssetsWhichTheCustodianConfirmsByWedgeAndPhoto() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(5), LocalDate.now().plusDays(90));

        // the clerk, in Japanese
        signIn(page, world.clerk);
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV一括登録").setExact(true))
                .first()
                .click();
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByLabel("CSVファイル")
                .setInputFiles(new FilePayload("貸与資産.csv", "text/csv", csv(ASSETS)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("内容を確認する")).click();
        assertThat(page.getByText("Shift_JIS (Windows-31J)として読み込みました：20行、うちエラー0行。")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("報告書 第3号")))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("20件を登録する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("20件の資産を登録しました");
        Map<String, String> titles = assetsOf(world);
        assertThat(titles).hasSize(ASSETS).containsValue("報告書 第3号");

        // labels of the contract: the A4 sheet, downloaded from the page
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ラベル印刷").setExact(true))
                .click();
        page.getByLabel("契約のラベルをすべて印刷").selectOption(world.contractId.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("表示").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("20枚のラベル")))
                .isVisible();
        Download sheet =
                page.waitForDownload(
                        LONG,
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions()
                                                        .setName("A4シート（24面）のPDF"))
                                        .click());
        assertLabelSheet(sheet, titles);

        // the ISSUE to the contractor
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("引渡し").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("受託者への貸与")).click();
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("資産を表示")).click();
        page.getByLabel("すべて選択").check();
        assertThat(page.locator("input[name=asset]:checked")).hasCount(ASSETS);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("引渡しを開始する")).click();
        page.waitForURL(Pattern.compile(".*/transfers/[0-9a-f-]{36}\\?opened=1$"));
        UUID transfer = transferOf(page);

        // the contractor's custodian, elsewhere
        Page custodian = newPage();
        signIn(custodian, world.contractorCustodian);
        custodian
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("スキャンして受領を確認"))
                .click();
        assertThat(custodian.locator("#scan-count")).containsText("20件中0件確認済み");
        LabelPayloadCodec codec = labels.codec().block();
        List<String> tags = List.copyOf(titles.keySet());
        custodian.locator("#scan-ack").check();
        Map<String, String> typed = new LinkedHashMap<>();
        for (String tag : tags.subList(0, ASSETS - BY_PHOTO)) {
            String payload = codec.labelPayload(tag);
            typed.put(tag, payload);
            wedge(custodian, payload);
        }
        assertThat(custodian.locator("#scan-lines li.ok")).hasCount(ASSETS - BY_PHOTO);
        assertThat(custodian.locator("#scan-count")).containsText("20件中18件確認済み");
        assertThat(custodian.locator("#scan-missing li")).hasCount(BY_PHOTO);

        custodian.locator("#scan-ack-photo").check();
        custodian
                .getByLabel("写真を1枚撮影または選択（写っているラベルをすべて読み取ります）")
                .setInputFiles(
                        new FilePayload(
                                "tray.jpg",
                                "image/jpeg",
                                tray(
                                        world,
                                        codec,
                                        tags.subList(ASSETS - BY_PHOTO, ASSETS),
                                        titles)));
        custodian
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("写真を読み取る"))
                .click();
        assertThat(custodian.locator("#scan-count")).containsText("20件すべて確認済み");
        for (String tag : tags.subList(ASSETS - BY_PHOTO, ASSETS)) {
            assertThat(custodian.locator("#scan-lines li.ok").filter(hasText(tag))).hasCount(1);
        }
        custodian.context().close();

        // the clerk sees it complete and takes the receipt
        page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        assertThat(page.locator("#transfer-status")).hasText("完了");
        Download receipt =
                page.waitForDownload(
                        LONG,
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions().setName("受領書（PDF）"))
                                        .click());
        String text = PdfText.of(receipt.path());
        tags.forEach(tag -> assertThat(text).contains(tag));

        assertLedger(transfer, tags, typed, codec);
    }

    /** Every confirmation in the ledger: who, on which device, and what was scanned. */
    void assertLedger(
            UUID transfer, List<String> tags, Map<String, String> typed, LabelPayloadCodec codec) {
        List<Map<String, Object>> events =
                db.sql(
                                """
                        SELECT a.tag, e.device_id, e.scanned_payload, u.username
                          FROM custody_event e JOIN asset a ON a.id = e.asset_id
                          JOIN app_user u ON u.id = e.actor_user_id
                         WHERE e.transfer_id = :t AND e.type = 'ISSUED' ORDER BY a.tag""")
                        .bind("t", transfer)
                        .fetch()
                        .all()
                        .collectList()
                        .block();
        assertThat(events).hasSize(tags.size());
        for (Map<String, Object> e : events) {
            String tag = (String) e.get("tag");
            boolean byWedge = typed.containsKey(tag);
            assertThat(e.get("device_id"))
                    .as(tag)
                    .isEqualTo(byWedge ? "browser-wedge" : "browser-photo");
            assertThat(e.get("scanned_payload"))
                    .as(tag)
                    .isEqualTo(byWedge ? typed.get(tag) : codec.labelPayload(tag));
        }
    }

    static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    /** What a keyboard wedge does at the focused input: types the label, then Enter. */
    static void wedge(Page p, String payload) {
        Locator input = p.getByLabel("ラベルをスキャンまたは入力");
        assertThat(input).isFocused();
        p.keyboard().type(payload);
        p.keyboard().press("Enter");
    }

    /** An Excel CSV as a Japanese office saves it: Shift_JIS, CR LF, Japanese titles. */
    static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("種別,名称,機密区分,製造番号,取扱条件\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i % 2 == 0 ? "文書" : "記録媒体")
                    .append(",報告書 第")
                    .append(i)
                    .append("号,")
                    .append(i % 3 == 0 ? "個人情報" : "秘")
                    .append(",SN-")
                    .append(i)
                    .append(",施錠保管\r\n");
        }
        return csv.toString().getBytes(SJIS);
    }

    /** The contract's assets, tag → title, in tag order. */
    Map<String, String> assetsOf(CustodyWorld world) {
        Map<String, String> found = new LinkedHashMap<>();
        db.sql("SELECT tag, title FROM asset WHERE contract_id = :c ORDER BY tag")
                .bind("c", world.contractId)
                .map(r -> Map.entry(r.get("tag", String.class), r.get("title", String.class)))
                .all()
                .doOnNext(e -> found.put(e.getKey(), e.getValue()))
                .blockLast();
        return found;
    }

    /** A photo of a tray holding the labels of these tags, as the label sheet prints them. */
    static byte[] tray(
            CustodyWorld world,
            LabelPayloadCodec codec,
            List<String> tags,
            Map<String, String> titles) {
        return LabelPictures.tray(
                tags.stream()
                        .map(
                                t ->
                                        new LabelContent(
                                                codec.labelPayload(t),
                                                t,
                                                titles.get(t),
                                                world.contractNumber,
                                                "発注機関"))
                        .toList());
    }

    static void assertLabelSheet(Download sheet, Map<String, String> titles) {
        String text = PdfText.of(sheet.path());
        assertThat(sheet.suggestedFilename()).endsWith(".pdf");
        titles.keySet().forEach(tag -> assertThat(text).as("label sheet").contains(tag));
    }

    static UUID transferOf(Page p) {
        return UUID.fromString(p.url().replaceAll(".*/transfers/([0-9a-f-]{36}).*", "$1"));
    }
}
