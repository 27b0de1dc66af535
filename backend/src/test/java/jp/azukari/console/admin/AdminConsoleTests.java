package jp.azukari.console.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.platform.AgencySettingsRefresh;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.ReminderSettings;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.training.AgencyPreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator's screens in the browser (issue 12): parties, users (create, role and party,
 * deactivate, reset password — which the user must then change), training records and the training
 * requirement, label keys (rotate, retire), the agency's time zone and reminder settings. Each
 * change is checked where it is stored.
 */
class AdminConsoleTests extends BrowserTestSupport {

    private static final String TEMPORARY = "仮のパスワード2026-temp";
    private static final String CHOSEN = "自分で決めた合言葉 2026";

    @Autowired AgencyPreferences preferences;
    @Autowired AgencyTimeZone zone;
    @Autowired ReminderSettings reminders;
    @Autowired AgencySettingsRefresh refresh;

    private UUID agency;
    private TestUser admin;

    @BeforeEach
    void adminSignsIn() {
        page.context().setDefaultTimeout(60_000);
        page.context().setDefaultNavigationTimeout(60_000);
        agency = party(unique("発注者"), PartyKind.AGENCY);
        admin = user(Role.ADMIN, agency);
        signIn(page, admin);
        page.navigate("/admin");
        assertThat(heading(page, "システム管理")).isVisible();
    }

    @Test
    void anAdministratorAddsAPartyAndAUserThenChangesTheirPartyRoleAndActiveFlag() {
        assertNoSeriousAccessibilityViolations(page);
        String partyName = unique("再受託者");
        page.locator("#party-name").fill(partyName);
        page.locator("#party-kind").selectOption("SUBCONTRACTOR");
        button(page, "当事者を登録する").click();
        assertThat(page.getByText("当事者を登録しました。")).isVisible();
        UUID party =
                db.sql("SELECT id FROM party WHERE name = :n AND kind = 'SUBCONTRACTOR'")
                        .bind("n", partyName)
                        .map(r -> r.get("id", UUID.class))
                        .one()
                        .block();
        assertThat(party).isNotNull();

        String username = "cust" + UUID.randomUUID().toString().substring(0, 8);
        page.locator("#new-username").fill(username);
        page.locator("#new-display").fill("再受託 太郎");
        page.locator("#new-party").selectOption(party.toString());
        page.locator("#new-role").selectOption("CUSTODIAN");
        page.locator("#new-password").fill("はじめのパスワード 1234");
        button(page, "ユーザーを登録する").click();
        assertThat(page.getByText("ユーザーを登録しました。")).isVisible();
        Map<String, Object> stored = stored(username);
        assertThat(stored)
                .containsEntry("role", "CUSTODIAN")
                .containsEntry("party_id", party)
                .containsEntry("active", true)
                .containsEntry("display_name", "再受託 太郎");
        UUID id = (UUID) stored.get("id");

        // to a contractor: the role still fits
        UUID contractor = party(unique("受託者"), PartyKind.CONTRACTOR);
        page.reload();
        Locator form = openChange(username);
        form.locator("#party-" + id).selectOption(contractor.toString());
        button(form, "保存する").click();
        assertThat(page.getByText("ユーザーを変更しました。")).isVisible();
        assertThat(stored(username)).containsEntry("party_id", contractor);

        // an agency clerk becomes a manager
        TestUser clerk = user(Role.CLERK, agency);
        page.reload();
        form = openChange(clerk.username());
        form.locator("#role-" + clerk.id()).selectOption("MANAGER");
        button(form, "保存する").click();
        assertThat(page.getByText("ユーザーを変更しました。")).isVisible();
        assertThat(stored(clerk.username())).containsEntry("role", "MANAGER");

        // a custodian cannot belong to the agency: refused with the reason, nothing stored
        form = openChange(username);
        form.locator("#party-" + id).selectOption(agency.toString());
        button(form, "保存する").click();
        assertThat(page.getByText("保存できませんでした")).isVisible();
        assertThat(stored(username)).containsEntry("party_id", contractor);
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/admin");
        form = openChange(username);
        form.locator("#active-" + id).selectOption("false");
        button(form, "保存する").click();
        assertThat(page.getByText("ユーザーを変更しました。")).isVisible();
        assertThat(stored(username)).containsEntry("active", false);
    }

    @Test
    void aResetPasswordHoldsTheUserOnTheChangePageUntilTheyChooseTheirOwn() {
        TestUser clerk = user(Role.CLERK, agency, "the clerk's first pass");
        page.reload();
        Locator form = openChange(clerk.username());
        form.locator("#password-" + clerk.id()).fill(TEMPORARY);
        button(form, "保存する").click();
        assertThat(page.getByText(Pattern.compile("^パスワードを再設定しました。"))).isVisible();
        assertThat(stored(clerk.username())).containsEntry("password_change_required", true);

        Page desk = newPage();
        desk.context().setDefaultTimeout(60_000);
        signIn(desk, new TestUser(clerk.actor(), TEMPORARY, clerk.token()));
        assertThat(desk).hasURL(Pattern.compile(".*/account/password$"));
        assertThat(desk.getByText(Pattern.compile("^管理者がパスワードを再設定しました。"))).isVisible();
        assertThat(desk.locator("nav.site-nav")).hasCount(0);
        assertNoSeriousAccessibilityViolations(desk);
        // nothing else opens, and nothing else can be sent
        desk.navigate("/assets");
        assertThat(desk).hasURL(Pattern.compile(".*/account/password$"));
        desk.navigate("/transfers");
        assertThat(desk).hasURL(Pattern.compile(".*/account/password$"));

        desk.getByLabel("現在のパスワード").fill(TEMPORARY);
        desk.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(CHOSEN);
        desk.getByLabel("新しいパスワード（確認）").fill(CHOSEN + "x");
        button(desk, "パスワードを変更する").click();
        assertThat(desk.getByText("確認のために入力した新しいパスワードが一致しません。")).isVisible();
        desk.getByLabel("現在のパスワード").fill(TEMPORARY);
        desk.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill("短い");
        desk.getByLabel("新しいパスワード（確認）").fill("短い");
        button(desk, "パスワードを変更する").click();
        assertThat(desk.getByText(Pattern.compile("^新しいパスワードが条件を満たしていません"))).isVisible();
        assertNoSeriousAccessibilityViolations(desk);
        assertThat(stored(clerk.username())).containsEntry("password_change_required", true);

        desk.getByLabel("現在のパスワード").fill(TEMPORARY);
        desk.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(CHOSEN);
        desk.getByLabel("新しいパスワード（確認）").fill(CHOSEN);
        button(desk, "パスワードを変更する").click();
        assertThat(desk.getByText(Pattern.compile("^パスワードを変更しました。"))).isVisible();
        assertThat(stored(clerk.username())).containsEntry("password_change_required", false);
        desk.navigate("/assets");
        assertThat(desk).hasURL(Pattern.compile(".*/assets$"));
        assertThat(desk.locator("nav.site-nav")).isVisible();
        desk.context().close();

        // the chosen password signs in; the temporary one no longer does
        Page later = newPage();
        signIn(later, new TestUser(clerk.actor(), CHOSEN, clerk.token()));
        assertThat(later).hasURL(Pattern.compile(".*/assets$"));
        later.context().close();
    }

    @Test
    void anyoneChangesTheirOwnPasswordFromTheHeader() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("パスワードの変更")).click();
        assertThat(heading(page, "パスワードの変更")).isVisible();
        page.getByLabel("現在のパスワード").fill("not the password");
        page.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(CHOSEN);
        page.getByLabel("新しいパスワード（確認）").fill(CHOSEN);
        button(page, "パスワードを変更する").click();
        assertThat(page.getByText("現在のパスワードが正しくありません。")).isVisible();
        page.getByLabel("現在のパスワード").fill(admin.password());
        page.getByLabel("新しいパスワード", new Page.GetByLabelOptions().setExact(true)).fill(CHOSEN);
        page.getByLabel("新しいパスワード（確認）").fill(CHOSEN);
        button(page, "パスワードを変更する").click();
        assertThat(page.getByText(Pattern.compile("^パスワードを変更しました。"))).isVisible();
        assertThat(stored(admin.username())).containsEntry("password_change_required", false);
        String hash =
                db.sql("SELECT password_hash FROM app_user WHERE id = :id")
                        .bind("id", admin.id())
                        .map(r -> r.get("password_hash", String.class))
                        .one()
                        .block();
        assertThat(passwordEncoder.matches(CHOSEN, hash)).isTrue();
        // this browser stays signed in on its new session
        page.navigate("/admin");
        assertThat(heading(page, "システム管理")).isVisible();
    }

    @Test
    void anAdministratorRecordsTrainingAndTurnsTheTrainingRequirementOnAndOff() {
        TestUser custodian = user(Role.CUSTODIAN, party(unique("受託者"), PartyKind.CONTRACTOR));
        LocalDate done = LocalDate.now().minusDays(2);
        LocalDate until = done.plusYears(1);
        page.reload();
        openChange(custodian.username());
        page.locator("#done-" + custodian.id()).fill(done.toString());
        page.locator("#until-" + custodian.id()).fill(until.toString());
        button(page.locator("form[action$='/" + custodian.id() + "/training']"), "研修を記録する").click();
        assertThat(page.getByText("研修の記録を保存しました。")).isVisible();
        var training =
                db.sql(
                                "SELECT training_completed_on, training_valid_until FROM app_user WHERE id = :id")
                        .bind("id", custodian.id())
                        .map(
                                r ->
                                        new LocalDate[] {
                                            r.get("training_completed_on", LocalDate.class),
                                            r.get("training_valid_until", LocalDate.class)
                                        })
                        .one()
                        .block();
        assertThat(training).containsExactly(done, until);

        Locator setting = page.locator("form[action='/admin/settings/training']");
        try {
            setting.getByLabel("有効").check();
            button(setting, "保存する").click();
            assertThat(page.getByText("設定を保存しました。")).isVisible();
            assertThat(trainingRequired()).isEqualTo("true");
            assertThat(page.locator("form[action='/admin/settings/training']").getByLabel("有効"))
                    .isChecked();
            setting = page.locator("form[action='/admin/settings/training']");
            setting.getByLabel("無効").check();
            button(setting, "保存する").click();
            assertThat(page.getByText("設定を保存しました。")).isVisible();
            assertThat(trainingRequired()).isEqualTo("false");
            assertNoSeriousAccessibilityViolations(page);
        } finally {
            db.sql("UPDATE agency_setting SET value = 'false' WHERE name = 'training.required'")
                    .then()
                    .block();
        }
    }

    @Test
    void anAdministratorRotatesTheLabelKeyAndRetiresAnOldOne() {
        String old = freshKeyId();
        db.sql(
                        "INSERT INTO label_key (id, secret, created_at) VALUES (:id, decode(md5(random()::text) || md5(random()::text), 'hex'), '2001-01-01T00:00:00Z')")
                .bind("id", old)
                .then()
                .block();
        page.reload();
        long before = keyCount();
        button(page, "鍵を更新する").click();
        assertThat(page.getByText(Pattern.compile("^新しいラベル鍵を作成しました。"))).isVisible();
        assertThat(keyCount()).isEqualTo(before + 1);
        String newest =
                db.sql(
                                "SELECT id FROM label_key WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
                        .map(r -> r.get("id", String.class))
                        .one()
                        .block();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(newest)))
                .containsText("署名に使用中");
        // the signing key has no retire button; the old one has
        assertThat(button(page, "鍵" + newest + "を廃止する")).hasCount(0);
        button(page, "鍵" + old + "を廃止する").click();
        assertThat(page.getByText(Pattern.compile("^ラベル鍵を廃止しました。"))).isVisible();
        assertThat(
                        db.sql("SELECT retired_at IS NOT NULL AS r FROM label_key WHERE id = :id")
                                .bind("id", old)
                                .map(r -> r.get("r", Boolean.class))
                                .one()
                                .block())
                .isTrue();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(old)))
                .containsText("廃止");
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void anAdministratorSetsTheAgencysTimeZoneAndReminderSettings() {
        var before = preferences.current();
        try {
            Locator form = page.locator("form[action='/admin/settings/agency']");
            assertThat(form.getByLabel("発注者のタイムゾーン")).hasValue(before.timeZone());
            form.getByLabel("発注者のタイムゾーン").fill("Asia/Seoul");
            form.getByLabel("期限のお知らせを送る時刻").fill("06:30");
            form.getByLabel("期限が近いとみなす日数").fill("10");
            button(form, "タイムゾーンとお知らせの設定を保存する").click();
            assertThat(page.getByText(Pattern.compile("^タイムゾーンとお知らせの設定を保存しました。"))).isVisible();
            assertThat(setting("agency.time-zone")).isEqualTo("Asia/Seoul");
            assertThat(setting("reminders.run-at")).isEqualTo("06:30");
            assertThat(setting("reminders.due-soon-days")).isEqualTo("10");
            // in force on this instance at once (every other one within seconds)
            assertThat(zone.zone().getId()).isEqualTo("Asia/Seoul");
            assertThat(reminders.runAt()).hasToString("06:30");
            assertThat(reminders.dueSoonDays()).isEqualTo(10);
            as(admin)
                    .get()
                    .uri("/api/v1/settings/agency")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.timeZone")
                    .isEqualTo("Asia/Seoul")
                    .jsonPath("$.dueSoonDays")
                    .isEqualTo(10);
            form = page.locator("form[action='/admin/settings/agency']");
            assertThat(form.getByLabel("発注者のタイムゾーン")).hasValue("Asia/Seoul");
            assertThat(form.getByLabel("期限のお知らせを送る時刻")).hasValue("06:30");
            assertNoSeriousAccessibilityViolations(page);

            // a zone that does not exist is refused and changes nothing
            form.getByLabel("発注者のタイムゾーン").fill("Mars/Olympus");
            button(form, "タイムゾーンとお知らせの設定を保存する").click();
            assertThat(page.getByText("保存できませんでした")).isVisible();
            assertThat(setting("agency.time-zone")).isEqualTo("Asia/Seoul");
        } finally {
            for (var s :
                    Map.of(
                                    "agency.time-zone",
                                    before.timeZone(),
                                    "reminders.run-at",
                                    before.reminderTime(),
                                    "reminders.due-soon-days",
                                    Integer.toString(before.dueSoonDays()))
                            .entrySet()) {
                db.sql("UPDATE agency_setting SET value = :v WHERE name = :n")
                        .bind("v", s.getValue())
                        .bind("n", s.getKey())
                        .then()
                        .block();
            }
            refresh.refresh().block();
        }
    }

    private Locator openChange(String username) {
        page.getByText(username + "を変更する").click();
        return page.locator("details[open] form").first();
    }

    private static Locator heading(Page p, String name) {
        return p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    private static Locator button(Page p, String name) {
        return p.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Map<String, Object> stored(String username) {
        return db.sql(
                        "SELECT id, role, party_id, active, display_name, password_change_required FROM app_user WHERE username = :u")
                .bind("u", username)
                .fetch()
                .one()
                .block();
    }

    private String setting(String name) {
        return db.sql("SELECT value FROM agency_setting WHERE name = :n")
                .bind("n", name)
                .map(r -> r.get("value", String.class))
                .one()
                .block();
    }

    private String trainingRequired() {
        return db.sql("SELECT value FROM agency_setting WHERE name = 'training.required'")
                .map(r -> r.get("value", String.class))
                .one()
                .block();
    }

    private long keyCount() {
        return db.sql("SELECT count(*) AS n FROM label_key")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private static String freshKeyId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
