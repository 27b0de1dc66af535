package jp.azukari.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import org.junit.jupiter.api.Test;

/**
 * A clerk registers assets from the CSV files Japanese offices make, and every bad file stores
 * nothing.
 */
class ConsoleCsvImportTests extends BrowserTestSupport {

    private static final Charset SJIS = Charset.forName("windows-31j");

    @Test
    void aClerkImportsTwentyAssetsFromAShiftJisCsvWithJapaneseTitlesAndFindsOneByAFullWidthTag() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        StringBuilder csv = new StringBuilder("種別,名称,機密区分,製造番号,取扱条件\r\n");
        for (int i = 1; i <= 20; i++) {
            String title = i == 7 ? "\"調査報告書, 第7版\r\n（改訂）\"" : "調査資料 第" + i + "号";
            csv.append(i % 2 == 0 ? "文書" : "記録媒体")
                    .append(',')
                    .append(title)
                    .append(',')
                    .append(i % 3 == 0 ? "個人情報" : "秘")
                    .append(",SN-")
                    .append(i)
                    .append(",施錠保管\r\n");
        }
        signIn(page, world.clerk);
        assertThat(page).hasURL(Pattern.compile(".*/assets$"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV一括登録").setExact(true))
                .first()
                .click();
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByLabel("CSVファイル")
                .setInputFiles(
                        new FilePayload("資産一覧.csv", "text/csv", csv.toString().getBytes(SJIS)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("内容を確認する")).click();

        assertThat(page.getByText("Shift_JIS (Windows-31J)として読み込みました：20行、うちエラー0行。")).isVisible();
        assertThat(
                        page.getByRole(
                                AriaRole.CELL,
                                new Page.GetByRoleOptions().setName("調査報告書, 第7版 （改訂）")))
                .isVisible();
        assertThat(page.locator("tbody tr")).hasCount(20);
        assertNoSeriousAccessibilityViolations(page);
        assertThat(assetsOf(world)).isZero();

        Map<String, String> sent =
                Map.of(
                        "payload", page.locator("input[name=payload]").inputValue(),
                        "submission", page.locator("input[name=submission]").inputValue(),
                        "contract",
                                page.locator(
                                                "form[action='/assets/import/confirm'] input[name=contract]")
                                        .inputValue(),
                        "_csrf",
                                page.locator(
                                                "form[action='/assets/import/confirm'] input[name=_csrf]")
                                        .inputValue());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("20件を登録する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("20件の資産を登録しました");
        assertThat(assetsOf(world)).isEqualTo(20);
        assertThat(page.locator("tbody tr")).hasCount(20);
        screenshot(page, repositoryPath("docs/images/console-assets.png"));

        // the same form sent a second time (a double click that got through, a retry) stores
        // nothing more
        var again =
                page.request()
                        .post(
                                url("/assets/import/confirm"),
                                RequestOptions.create().setForm(form(sent)).setMaxRedirects(0));
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.headers().get("location")).contains("again=1");
        assertThat(assetsOf(world)).isEqualTo(20);

        // a tag typed as a Japanese input mode types it (full width, lower case) finds the asset
        String tag =
                db.sql("SELECT tag FROM asset WHERE contract_id = :c ORDER BY tag LIMIT 1")
                        .bind("c", world.contractId)
                        .map(r -> r.get("tag", String.class))
                        .one()
                        .block();
        page.getByLabel("タグまたは名称").fill(fullWidthLower(tag));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索")).click();
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tag)))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tag)).click();
        assertThat(
                        page.getByRole(
                                AriaRole.IMG,
                                new Page.GetByRoleOptions()
                                        .setName(tag + " のラベル（QRコード、タグ、名称、契約番号、発注機関名）")))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void everyBadFileIsExplainedInThePageAndStoresNothing() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        signIn(page, world.clerk);

        preview(
                world,
                "bad.csv",
                ("種別,名称,機密区分\n文書,,秘\n楽器,調書,極秘\n文書,正しい行,内部\n").getBytes(StandardCharsets.UTF_8));
        assertThat(page.getByText("UTF-8として読み込みました：3行、うちエラー2行。")).isVisible();
        assertThat(page.locator("tr.row--error")).hasCount(2);
        assertThat(page.getByText("名称を入力してください。")).isVisible();
        assertThat(page.getByText("種別「楽器」はありません")).isVisible();
        assertThat(page.getByText("機密区分「極秘」はありません")).isVisible();
        assertThat(
                        page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName(Pattern.compile("件を登録する"))))
                .hasCount(0);
        assertNoSeriousAccessibilityViolations(page);

        byte[] utf16 = "種別,名称,機密区分\n文書,調書,秘\n".getBytes(StandardCharsets.UTF_16);
        preview(world, "utf16.csv", utf16);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("UTF-8としてもShift_JISとしても読めませんでした");

        preview(
                world,
                "formula.csv",
                ("\uFEFF種別,名称,機密区分\n文書,=HYPERLINK(\"http://evil.example\"),秘\n文書,@SUM(A1),秘\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(page.getByText("UTF-8 (BOM)として読み込みました：2行、うちエラー2行。")).isVisible();
        assertThat(page.getByText("先頭が「=」のため、Excelで数式として実行されるおそれがあります。受け付けません（内容は変更していません）"))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("先頭が「@」のため"))).isVisible();

        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        preview(world, "big.csv", big);
        assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("ファイルの大きさが10.0MBあります。一度に取り込めるのは2MB（1,000行）までです。");

        assertThat(assetsOf(world)).isZero();
    }

    @Test
    void aFormSentAfterTheSessionEndedOrWithoutItsCsrfTokenStoresNothing() {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(10), LocalDate.now().plusDays(90));
        signIn(page, world.clerk);
        byte[] good =
                "kind,title,sensitivity\nDOCUMENT,Report,INTERNAL\n"
                        .getBytes(StandardCharsets.UTF_8);

        preview(world, "good.csv", good);
        page.locator("form[action='/assets/import/confirm'] input[name=_csrf]")
                .evaluate("e => e.remove()");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("1件を登録する")).click();
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("この操作は許可されていません")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("このフォームは受け付けられませんでした");
        assertThat(assetsOf(world)).isZero();

        preview(world, "good.csv", good);
        db.sql(
                        "UPDATE console_session SET expires_at = now() - interval '1 minute' WHERE user_id = :u")
                .bind("u", world.clerk.id())
                .then()
                .block();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("1件を登録する")).click();
        assertThat(page).hasURL(Pattern.compile(".*/signin\\?expired=1$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("セッションが終了しました");
        assertThat(assetsOf(world)).isZero();
    }

    private void preview(CustodyWorld world, String name, byte[] bytes) {
        page.navigate("/assets/import");
        page.getByLabel("契約").selectOption(world.contractId.toString());
        page.getByLabel("CSVファイル").setInputFiles(new FilePayload(name, "text/csv", bytes));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("内容を確認する")).click();
        page.waitForLoadState();
    }

    private long assetsOf(CustodyWorld world) {
        return db.sql("SELECT count(*) AS n FROM asset WHERE contract_id = :c")
                .bind("c", world.contractId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private static FormData form(Map<String, String> fields) {
        FormData f = FormData.create();
        fields.forEach(f::set);
        return f;
    }

    private static String fullWidthLower(String tag) {
        StringBuilder out = new StringBuilder();
        for (char c : tag.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            out.append(c >= 0x21 && c <= 0x7e ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }
}
