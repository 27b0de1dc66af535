package jp.azukari.console.manage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The manager's screens (issue 12): the live dashboard across instances, approvals, close-out,
 * incidents, overdue CSV.
 */
class ManagerConsoleTests extends BrowserTestSupport {

    /**
     * The shared machine runs many builds at once: pages get a minute, not the default 15–30 s,
     * before a test fails.
     */
    @org.junit.jupiter.api.BeforeEach
    void patientPages() {
        page.context().setDefaultTimeout(60_000);
        page.context().setDefaultNavigationTimeout(60_000);
    }

    private static final LocatorAssertions.HasTextOptions WITHIN_2_S =
            new LocatorAssertions.HasTextOptions().setTimeout(2_000);

    @Test
    void aDashboardOnInstanceAShowsAConfirmationAndAReturnMadeThroughInstanceB() {
        // a contract past its return date: 2 assets at the contractor, 1 on its way to the
        // subcontractor
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusMonths(6), LocalDate.now().minusDays(3));
        List<UUID> assets = world.registerAssets(3).stream().map(CustodyWorld.Asset::id).toList();
        world.issue(assets);
        UUID approval = world.approveHandoff(List.of(assets.get(2)), LocalDate.now().plusDays(30));
        var handoff =
                world.open(
                        world.contractorCustodian,
                        "HANDOFF",
                        world.subcontractor,
                        approval,
                        List.of(assets.get(2)));
        var giveBack =
                world.open(world.contractorCustodian, "RETURN", null, null, List.of(assets.get(0)));
        SecondInstance.port();

        signIn(page, world.manager);
        page.navigate("/dashboard");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ダッシュボード")))
                .isVisible();
        Locator overdue = page.locator("[data-figure=overdue]");
        Locator atSub = page.locator("[data-figure=at-subcontractors]");
        long overdueBefore = Long.parseLong(overdue.textContent().strip());
        long atSubBefore = Long.parseLong(atSub.textContent().strip());
        page.waitForTimeout(700); // the stream is open and past its first interval

        onB(world.subCustodian)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", handoff.id())
                .bodyValue(
                        Map.of(
                                "assetIds",
                                List.of(assets.get(2)),
                                "deviceId",
                                "instance-b",
                                "acknowledgedHandling",
                                true))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(atSub).hasText(String.valueOf(atSubBefore + 1), WITHIN_2_S);

        page.waitForTimeout(600);
        onB(world.clerk)
                .post()
                .uri("/api/v1/transfers/{id}/confirm", giveBack.id())
                .bodyValue(
                        Map.of(
                                "assetIds",
                                List.of(assets.get(0)),
                                "deviceId",
                                "instance-b",
                                "acknowledgedHandling",
                                true))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(overdue).hasText(String.valueOf(overdueBefore - 1), WITHIN_2_S);
        assertThat(
                        page.getByRole(
                                AriaRole.TABLE,
                                new Page.GetByRoleOptions().setName("保有者別の返却期限超過（グラフの内容）")))
                .isVisible();
        assertThat(
                        page.getByRole(
                                AriaRole.IMG,
                                new Page.GetByRoleOptions()
                                        .setName(Pattern.compile("保有者別の返却期限超過の件数"))))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, repositoryPath("docs/images/console-dashboard.png"));
    }

    @Test
    void
            closingAContractWithAssetsAtASubcontractorShowsTheOutstandingListAndClosesAfterRecoveryAndReturn()
                    throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(1));
        var assets = world.registerAssets(3);
        List<UUID> ids = assets.stream().map(CustodyWorld.Asset::id).toList();
        world.issue(ids);
        UUID approval = world.approveHandoff(List.of(ids.get(2)), LocalDate.now().plusDays(30));
        var handoff =
                world.open(
                        world.contractorCustodian,
                        "HANDOFF",
                        world.subcontractor,
                        approval,
                        List.of(ids.get(2)));
        world.confirm(world.subCustodian, handoff.id(), List.of(ids.get(2)));

        signIn(page, world.manager);
        page.navigate("/contracts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(world.contractNumber))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完了にする")).click();
        assertThat(page.getByText("契約を完了にしました。")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("契約を終了する")).click();
        Locator outstanding =
                page.getByRole(
                        AriaRole.TABLE, new Page.GetByRoleOptions().setName("未返却の資産（API の回答どおり）"));
        assertThat(outstanding).isVisible();
        List<String> tags = outstanding.locator("tbody tr td:first-child").allTextContents();
        assertThat(tags)
                .as("subcontractor holdings first, then the contractor's, as the API lists them")
                .containsExactly(assets.get(2).tag(), assets.get(0).tag(), assets.get(1).tag());
        assertThat(outstanding.locator("tbody tr").first()).containsText("再委託先");
        assertThat(outstanding.locator("tbody tr").first()).containsText("第7条");
        assertNoSeriousAccessibilityViolations(page);

        // recovered from the subcontractor, then everything returned (through the API)
        var recover = world.open(world.subCustodian, "RECOVER", null, null, List.of(ids.get(2)));
        world.confirm(world.contractorCustodian, recover.id(), List.of(ids.get(2)));
        var giveBack = world.open(world.contractorCustodian, "RETURN", null, null, ids);
        world.confirm(world.clerk, giveBack.id(), ids);

        page.navigate("/contracts/" + world.contractId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("契約を終了する")).click();
        assertThat(page.getByText("契約を終了しました。")).isVisible();
        Download json =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions().setName("遵守状況報告（JSON）"))
                                        .click());
        assertThat(Files.readString(json.path()))
                .contains("\"verified\":true")
                .contains(world.contractNumber);
        Download csv =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions()
                                                        .setName("遵守状況報告（CSV・Excel用）"))
                                        .click());
        byte[] bytes = Files.readAllBytes(csv.path());
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(assets.get(0).tag());
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void aManagerDecidesAnApprovalWithAValidityEndAndIsRefusedOnTheirOwnRequest() {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        UUID asset = world.registerAssets(1).get(0).id();
        Map<?, ?> asked =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "TAKE_OUT",
                                        "assetIds",
                                        List.of(asset),
                                        "validUntil",
                                        LocalDate.now().plusDays(20).toString(),
                                        "reason",
                                        "出張先での作業"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
        Map<?, ?> own =
                as(world.manager)
                        .post()
                        .uri("/api/v1/approvals")
                        .bodyValue(
                                Map.of(
                                        "contractId",
                                        world.contractId,
                                        "kind",
                                        "COPY",
                                        "assetIds",
                                        List.of(asset),
                                        "validUntil",
                                        LocalDate.now().plusDays(20).toString(),
                                        "reason",
                                        "監督職員が登録した複製"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        signIn(page, world.manager);
        page.navigate("/approvals");
        assertNoSeriousAccessibilityViolations(page);
        page.navigate("/approvals/" + asked.get("id"));
        assertThat(
                        page.getByRole(
                                AriaRole.CELL,
                                new Page.GetByRoleOptions()
                                        .setName(Pattern.compile("^A-|^[A-Z0-9]"))))
                .not()
                .hasCount(0);
        page.getByLabel("有効期限（承認するとき）").fill(LocalDate.now().plusDays(10).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("判断を記録する")).click();
        assertThat(page.getByText("承認しました。")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        String until =
                db.sql("SELECT status || ' ' || valid_until AS s FROM approval WHERE id = :id")
                        .bind("id", UUID.fromString((String) asked.get("id")))
                        .map(r -> r.get("s", String.class))
                        .one()
                        .block();
        assertThat(until).isEqualTo("APPROVED " + LocalDate.now().plusDays(10));

        // the manager asked for this one: the service refuses the decision, the page says why,
        // nothing is decided
        UUID ownId = UUID.fromString((String) own.get("id"));
        long recordedBefore = selfApprovalsRecorded(world.manager.id());
        page.navigate("/approvals/" + own.get("id"));
        assertThat(
                        page.getByText(
                                "この申請はあなた自身が行ったものです。", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        page.getByLabel("却下する", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("理由（却下するときは必須）").fill("自分で判断してみる");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("判断を記録する")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("判断は受け付けられませんでした");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("申請者本人はこの申請を判断できません（職務分離、第2条第3項）");
        assertNoSeriousAccessibilityViolations(page);
        assertThat(
                        db.sql("SELECT status FROM approval WHERE id = :id")
                                .bind("id", ownId)
                                .map(r -> r.get("status", String.class))
                                .one()
                                .block())
                .isEqualTo("PENDING");
        assertThat(selfApprovalsRecorded(world.manager.id()))
                .as("the refusal in the console is recorded")
                .isEqualTo(recordedBefore + 1);
        as(world.manager)
                .post()
                .uri("/api/v1/approvals/{id}/decision", own.get("id"))
                .bodyValue(Map.of("decision", "APPROVED"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SELF_APPROVAL");
        assertThat(selfApprovalsRecorded(world.manager.id()))
                .as("and through the API")
                .isEqualTo(recordedBefore + 2);
    }

    private long selfApprovalsRecorded(UUID userId) {
        return db.sql(
                        "SELECT count(*) AS n FROM evidence WHERE kind = 'SELF_APPROVAL' AND user_id = :u")
                .bind("u", userId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    @Test
    void aManagerWorksAnIncidentFromOpenToClosedAndDownloadsTheOverdueList() throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusMonths(6), LocalDate.now().minusDays(2));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        Map<?, ?> incident =
                as(world.contractorCustodian)
                        .post()
                        .uri("/api/v1/incidents")
                        .bodyValue(
                                Map.of(
                                        "kind",
                                        "SUSPECTED_LEAK",
                                        "assetIds",
                                        List.of(asset.id()),
                                        "occurredAt",
                                        java.time.Instant.now().minusSeconds(3600).toString(),
                                        "description",
                                        "メールの誤送信の疑い"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();

        signIn(page, world.manager);
        page.navigate("/incidents");
        assertNoSeriousAccessibilityViolations(page);
        page.navigate("/incidents/" + incident.get("id"));
        page.getByLabel("指示の内容").fill("送信先に削除を依頼し、結果を報告してください。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("指示を記録する")).click();
        assertThat(page.getByText("指示を記録しました。")).isVisible();
        page.getByLabel("新しい状態").selectOption("INVESTIGATING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("状態を変更する")).click();
        assertThat(page.locator(".facts")).containsText("調査中");
        page.getByLabel("新しい状態").selectOption("CLOSED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("状態を変更する")).click();
        assertThat(page.locator(".facts")).containsText("終了");
        assertThat(page.getByText("送信先に削除を依頼し、結果を報告してください。")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/overdue?contractId=" + world.contractId);
        assertThat(page.getByText(asset.tag())).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        Download csv =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions()
                                                        .setName("CSVでダウンロード（Excel用）"))
                                        .click());
        String text = new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains(asset.tag());
        page.navigate("/contracts");
        assertNoSeriousAccessibilityViolations(page);
    }

    private static WebTestClient onB(TestUser user) {
        return WebTestClient.bindToServer()
                .baseUrl(SecondInstance.baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + user.token())
                .build();
    }
}
