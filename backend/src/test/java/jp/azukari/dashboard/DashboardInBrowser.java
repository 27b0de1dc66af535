package jp.azukari.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard page in a real headless Chromium, for the benchmark: signs in, measures the page
 * and its figures fragment, and records when each re-read of the figures started and when it was on
 * the screen (wall clock, the same clock the benchmark reads commits with).
 */
final class DashboardInBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final Page page;

    DashboardInBrowser(String baseUrl) {
        playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setHeadless(true)
                                        .setExecutablePath(
                                                Paths.get(
                                                        System.getenv()
                                                                .getOrDefault(
                                                                        "AZUKARI_CHROMIUM",
                                                                        "/usr/bin/chromium")))
                                        .setArgs(
                                                List.of(
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--no-first-run",
                                                        "--disable-sync")));
        page =
                browser.newContext(
                                new Browser.NewContextOptions()
                                        .setBaseURL(baseUrl)
                                        .setLocale("ja-JP"))
                        .newPage();
    }

    void signIn(String username, String password) {
        page.navigate("/signin");
        page.getByLabel("ユーザー名").fill(username);
        page.getByLabel("パスワード").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン").setExact(true))
                .click();
        page.waitForURL(u -> !u.contains("/signin"));
    }

    /**
     * Milliseconds per GET of {@code path} with the page's session, {@code runs} times after a few
     * warm-ups.
     */
    List<Double> serverTimes(String path, int runs) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 10 + runs; i++) {
            long t0 = System.nanoTime();
            var response = page.request().get(path);
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (response.status() != 200) {
                throw new IllegalStateException(path + " answered " + response.status());
            }
            if (i >= 10) {
                ms.add(elapsed);
            }
        }
        return ms;
    }

    /**
     * Opens the dashboard and starts recording each figures re-read: [request started, settled] in
     * epoch ms.
     */
    void openDashboard() {
        page.navigate("/dashboard");
        page.evaluate(
                """
                () => {
                  window.__reads = [];
                  document.body.addEventListener('htmx:beforeRequest', e => { e.target.__started = Date.now(); });
                  document.body.addEventListener('htmx:afterSettle', e => {
                    if (e.target.id === 'dashboard-figures') { window.__reads.push([e.target.__started || 0, Date.now()]); }
                  });
                }""");
        page.waitForTimeout(1000);
    }

    /** The recorded re-reads, oldest first. */
    List<long[]> reads() {
        List<?> raw = (List<?>) page.evaluate("() => window.__reads");
        List<long[]> reads = new ArrayList<>();
        for (Object o : raw) {
            List<?> pair = (List<?>) o;
            reads.add(
                    new long[] {
                        ((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()
                    });
        }
        return reads;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
