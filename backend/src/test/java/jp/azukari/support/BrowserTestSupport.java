package jp.azukari.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the console's browser tests: the real application ({@link ApiTestSupport}) driven by a
 * real headless Chromium through Playwright — Debian's {@code /usr/bin/chromium} (or {@code
 * AZUKARI_CHROMIUM}), never a downloaded browser. One browser per test class, a fresh browser
 * context (cookies, storage) per test in {@link #page}; {@link #newPage()} opens another, as a
 * second person elsewhere would.
 *
 * <p>Without Chromium a local run skips these tests with a message saying so; under {@code CI=true}
 * they fail.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {

    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void startBrowser() {
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            String message =
                    "No Chromium at "
                            + chromium
                            + " (apt-get install chromium, or set AZUKARI_CHROMIUM): browser tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(
                        message + " cannot run, and under CI=true that is a failure");
            }
            Assumptions.abort(message + " skipped in this local run (under CI=true they fail)");
        }
        playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(List.of());
    }

    private static final List<String> ARGS =
            List.of(
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--disable-sync");

    /**
     * Another headless Chromium with these command-line switches besides the usual ones (a fake
     * camera, say); the caller closes it.
     */
    protected static Browser launch(List<String> extraArgs) {
        List<String> args = new java.util.ArrayList<>(ARGS);
        args.addAll(extraArgs);
        return playwright
                .chromium()
                .launch(
                        new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium())
                                .setHeadless(true)
                                .setArgs(args));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    private static Path chromium() {
        String configured = System.getenv("AZUKARI_CHROMIUM");
        return Paths.get(
                configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    }

    /**
     * A new browser context (its own cookies) with the console's base URL; closed after the test by
     * the caller.
     */
    protected BrowserContext newContext() {
        return newContext(browser, url(""));
    }

    /** A new context of this browser with this base URL (its own cookies). */
    protected static BrowserContext newContext(Browser in, String baseUrl) {
        BrowserContext c =
                in.newContext(
                        new Browser.NewContextOptions()
                                .setBaseURL(baseUrl)
                                .setLocale("ja-JP")
                                .setTimezoneId("Asia/Tokyo")
                                .setViewportSize(1280, 900));
        c.setDefaultTimeout(30_000);
        c.setDefaultNavigationTimeout(60_000);
        return c;
    }

    /** A page in a browser context of its own: another person at another desk. */
    protected Page newPage() {
        return newContext().newPage();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Signs in through the sign-in form, as a person types it (the form is in Japanese unless
     * switched).
     */
    protected void signIn(Page p, TestUser user) {
        p.navigate("/signin");
        signInHere(p, user);
    }

    /**
     * Fills in the sign-in form the page shows now (after a redirect to it, say) and waits to leave
     * it.
     */
    protected void signInHere(Page p, TestUser user) {
        p.getByLabel("ユーザー名").fill(user.username());
        p.getByLabel("パスワード").fill(user.password());
        p.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("ログイン").setExact(true))
                .click();
        p.waitForURL(u -> !u.contains("/signin"));
    }

    /**
     * axe-core inside the page: fails on any violation of "serious" or "critical" impact, naming
     * each.
     */
    protected static void assertNoSeriousAccessibilityViolations(Page p) {
        AxeResults results =
                new AxeBuilder(p)
                        .withTags(
                                List.of(
                                        "wcag2a",
                                        "wcag2aa",
                                        "wcag21a",
                                        "wcag21aa",
                                        "wcag22aa",
                                        "best-practice"))
                        .analyze();
        List<Rule> serious =
                results.getViolations().stream()
                        .filter(
                                r ->
                                        "serious".equals(r.getImpact())
                                                || "critical".equals(r.getImpact()))
                        .toList();
        assertThat(serious)
                .as(
                        "serious or critical accessibility violations on %s:%n%s",
                        p.url(),
                        serious.stream()
                                .map(
                                        r ->
                                                r.getImpact()
                                                        + " "
                                                        + r.getId()
                                                        + ": "
                                                        + r.getHelp()
                                                        + " at "
                                                        + r.getNodes().stream()
                                                                .map(
                                                                        n ->
                                                                                String.valueOf(
                                                                                        n
                                                                                                .getTarget()))
                                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /**
     * A full-page screenshot written to this path (directories made), e.g. docs/images/… of the
     * repository.
     */
    protected static Path screenshot(Page p, Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
        return path;
    }

    /**
     * A path in the repository (the directory holding {@code pom.xml} and {@code backend/}),
     * wherever tests run from.
     */
    protected static Path repositoryPath(String relative) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("backend"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "repository root not found above " + Paths.get("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }
}
