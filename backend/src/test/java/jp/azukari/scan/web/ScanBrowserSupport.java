package jp.azukari.scan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** Until the console's BrowserTestSupport is merged: Chromium, signed in by a bearer header. */
abstract class ScanBrowserSupport extends ApiTestSupport {

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openPage() {
        context = newContext(true);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected BrowserContext newContext(boolean javaScript) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setViewportSize(1280, 900).setJavaScriptEnabled(javaScript)
                .setAcceptDownloads(true));
        c.setDefaultTimeout(15_000);
        return c;
    }

    protected void signIn(Page p, TestUser user) {
        p.context().setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + user.token()));
    }

    protected static void assertNoSeriousAccessibilityViolations(Page p) {
        List<Rule> serious = new AxeBuilder(p).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze().getViolations().stream().filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        assertThat(serious).as("violations on %s:%n%s", p.url(), serious.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    protected static Path screenshot(Page p, Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
        return path;
    }

    protected static Path repositoryPath(String relative) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("backend"))) {
            dir = dir.getParent();
        }
        return dir.resolve(relative);
    }
}
