package jp.azukari.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;

class ConsoleSignInTests extends BrowserTestSupport {

    @Test
    void aManagerSignsInToAJapanesePageAndTheEnglishSwitchIsRemembered() {
        UUID agency = party(unique("agency"), PartyKind.AGENCY);
        TestUser manager = user(Role.MANAGER, agency);

        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/signin$"));
        assertThat(page.locator("html")).hasAttribute("lang", "ja");
        assertNoSeriousAccessibilityViolations(page);

        signIn(page, manager);
        // a manager's home is the overdue dashboard (issue 12)
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/dashboard$"));
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("ダッシュボード").setLevel(1)))
                .isVisible();
        assertThat(page.getByText("監督職員")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Dashboard").setLevel(1)))
                .isVisible();

        Page elsewhere = newPage();
        signIn(elsewhere, manager);
        assertThat(elsewhere.locator("html")).hasAttribute("lang", "en");
        String stored =
                db.sql("SELECT locale FROM app_user WHERE id = :id")
                        .bind("id", manager.id())
                        .map(r -> r.get("locale", String.class))
                        .one()
                        .block();
        assertThat(stored).isEqualTo("en");
        elsewhere.context().close();
    }

    @Test
    void fiveWrongPasswordsLockTheUserAndThePageSaysForHowLong() {
        TestUser clerk = user(Role.CLERK, party(unique("agency"), PartyKind.AGENCY));
        page.navigate("/signin");
        for (int i = 0; i < 5; i++) {
            page.getByLabel("ユーザー名").fill(clerk.username());
            page.getByLabel("パスワード").fill("wrong-password-" + i);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("ログイン").setExact(true))
                    .click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("ユーザー名またはパスワードが正しくありません");
        }
        page.getByLabel("パスワード").fill(clerk.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("ロックされています");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("15分後");
        assertNoSeriousAccessibilityViolations(page);
        assertThat(sessionsOf(clerk)).isZero();
    }

    @Test
    void signingOutEndsTheSessionSoItsCookieNoLongerSignsAnyoneIn() {
        TestUser clerk = user(Role.CLERK, party(unique("agency"), PartyKind.AGENCY));
        signIn(page, clerk);
        var cookie =
                context.cookies().stream()
                        .filter(c -> c.name.equals("azukari_session"))
                        .findFirst()
                        .orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite)
                .isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
        assertThat(sessionsOf(clerk)).isEqualTo(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("ログアウトしました");
        assertThat(sessionsOf(clerk)).isZero();

        // the old cookie, replayed by a second browser, is refused like no cookie at all
        var replay = newContext();
        replay.addCookies(
                java.util.List.of(
                        new com.microsoft.playwright.options.Cookie("azukari_session", cookie.value)
                                .setDomain("localhost")
                                .setPath("/")));
        Page other = replay.newPage();
        other.navigate("/");
        assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/signin\\?expired.*"));
        assertThat(other.getByRole(AriaRole.STATUS)).containsText("セッションが終了しました");
        replay.close();
    }

    @Test
    void anAuditorAndAnAdministratorKeepTheirHomePageWhileAManagerLandsOnTheDashboard() {
        UUID agency = party(unique("agency"), PartyKind.AGENCY);
        for (Role role : new Role[] {Role.AUDITOR, Role.ADMIN}) {
            Page p = newPage();
            signIn(p, user(role, agency));
            assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/$"));
            assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ホーム")))
                    .isVisible();
            p.context().close();
        }
        Page p = newPage();
        signIn(p, user(Role.MANAGER, agency));
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/dashboard$"));
        p.context().close();
    }

    @Test
    void aPageAskedForBeforeSignInOpensAfterIt() {
        TestUser manager = user(Role.MANAGER, party(unique("agency"), PartyKind.AGENCY));
        page.navigate("/no-such-page?x=1");
        assertThat(page)
                .hasURL(
                        java.util.regex.Pattern.compile(
                                ".*/signin\\?next=%2Fno-such-page%3Fx%3D1$"));
        signInHere(page, manager);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/no-such-page\\?x=1$"));
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("ページが見つかりません")))
                .isVisible();
    }

    @Test
    void aSignInFormWithoutItsCsrfTokenIsRefusedWithAClearMessage() {
        TestUser manager = user(Role.MANAGER, party(unique("agency"), PartyKind.AGENCY));
        page.navigate("/signin");
        page.locator("form.form input[name=_csrf]").evaluate("e => e.remove()");
        page.getByLabel("ユーザー名").fill(manager.username());
        page.getByLabel("パスワード").fill(manager.password());
        var response =
                page.waitForResponse(
                        r -> r.url().endsWith("/signin") && r.request().method().equals("POST"),
                        () ->
                                page.getByRole(
                                                AriaRole.BUTTON,
                                                new Page.GetByRoleOptions()
                                                        .setName("ログイン")
                                                        .setExact(true))
                                        .click());
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("このフォームは受け付けられませんでした");
        assertThat(sessionsOf(manager)).isZero();
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByAnotherAndEndedThereForBoth() {
        TestUser manager = user(Role.MANAGER, party(unique("agency"), PartyKind.AGENCY));
        signIn(page, manager);
        // cookies are not bound to a port: the same browser now talks to a second backend on the
        // same database
        String other = "http://localhost:" + jp.azukari.support.SecondInstance.port();
        page.navigate(other + "/");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("ダッシュボード").setLevel(1)))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("ログアウトしました");
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/signin$"));
        assertThat(sessionsOf(manager)).isZero();
    }

    private long sessionsOf(TestUser user) {
        return db.sql("SELECT count(*) AS n FROM console_session WHERE user_id = :id")
                .bind("id", user.id())
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }
}
