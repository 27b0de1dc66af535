package jp.azukari.scan.web;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Scratch: the station's JavaScript in Chromium, signed in by a bearer header until the console's sign-in exists. */
class ScanStationBrowserTests extends ApiTestSupport {

    static Playwright playwright;
    static Browser browser;

    @Autowired
    LabelService labels;

    @BeforeAll
    static void start() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
    }

    @Test
    void wedgeScansInTheBrowser() {
        CustodyWorld world = new CustodyWorld(this).withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<Asset> assets = world.registerAssets(3);
        UUID transfer = world.open(world.clerk, "ISSUE", null, null, assets.stream().map(Asset::id).toList()).id();
        LabelPayloadCodec codec = labels.codec().block();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://127.0.0.1:" + port)
                .setLocale("ja-JP").setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + world.contractorCustodian.token())));
        Page page = context.newPage();
        page.onResponse(r -> { if (r.status() >= 400) System.out.println("CONSOLE " + r.status() + " " + r.url()); });
        page.navigate("/scan?transfer=" + transfer);
        Locator input = page.getByLabel("ラベルをスキャンまたは入力");
        assertThat(input).isFocused();
        input.pressSequentially(codec.labelPayload(assets.get(0).tag()));
        input.press("Enter");
        assertThat(page.locator("#scan-lines li.ok")).hasCount(1);
        assertThat(page.locator("#scan-count")).containsText("3件中1件確認済み");
        assertThat(input).isFocused();
        input.pressSequentially(codec.labelPayload(assets.get(0).tag()));
        input.press("Enter");
        assertThat(page.locator("#scan-lines li.ng")).hasCount(1);
        assertThat(page.locator("#scan-lines li.ng")).containsText("確認済みです");
        assertThat(page.locator("#scan-missing li")).hasCount(2);
        context.close();
    }
}
