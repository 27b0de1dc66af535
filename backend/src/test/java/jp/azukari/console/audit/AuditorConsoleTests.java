package jp.azukari.console.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The auditor's screens (issue 12): timelines, ledger verification, evidence, and that an auditor
 * changes nothing.
 */
class AuditorConsoleTests extends BrowserTestSupport {

    /**
     * The shared machine runs many builds at once: pages get a minute, not the default 15–30 s,
     * before a test fails.
     */
    @org.junit.jupiter.api.BeforeEach
    void patientPages() {
        page.context().setDefaultTimeout(60_000);
        page.context().setDefaultNavigationTimeout(60_000);
    }

    @Autowired ApplicationContext context;

    @Autowired jp.azukari.label.LabelService labels;

    @Test
    void anAuditorReadsAnAssetsTimelineWithItsRefusalAndFullHashes() {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        UUID asset = world.registerAssets(1).get(0).id();
        world.issue(List.of(asset));
        // a handoff without an approval is refused (art. 4) and the refusal is an event of the
        // asset's ledger
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(
                        Map.of(
                                "kind",
                                "HANDOFF",
                                "toPartyId",
                                world.subcontractor,
                                "assetIds",
                                List.of(asset)))
                .exchange()
                .expectStatus()
                .is4xxClientError();

        signIn(page, world.auditor);
        page.navigate("/assets/" + asset + "/timeline");
        assertThat(
                        page.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName(Pattern.compile("の台帳$"))
                                        .setLevel(1)))
                .isVisible();
        assertThat(page.getByText("この資産の台帳（4件）はすべてつながっています。")).isVisible();
        assertThat(page.locator("#event-1")).containsText("登録");
        assertThat(page.locator("#event-3")).containsText("貸与");
        assertThat(page.locator("#event-3")).containsText("test-device");
        assertThat(page.locator("#event-4")).containsText("拒否された操作");
        assertThat(page.locator("#event-4")).containsText("第4条");
        String fullHash =
                db.sql(
                                "SELECT encode(hash, 'hex') AS h FROM custody_event WHERE asset_id = :a AND seq = 4")
                        .bind("a", asset)
                        .map(r -> r.get("h", String.class))
                        .one()
                        .block();
        assertThat(page.getByText(fullHash)).isHidden();
        page.locator("#event-4").getByText(fullHash.substring(0, 12) + "…").click();
        assertThat(page.getByText(fullHash)).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, repositoryPath("docs/images/console-timeline.png"));
    }

    @Test
    void aTamperedEventAppearsOnTheVerificationPageWithALinkToTheMarkedLink() throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        var assets = world.registerAssets(2);
        world.issue(assets.stream().map(CustodyWorld.Asset::id).toList());
        var victim = assets.get(1);
        String original = tamper(victim.id(), 2, "書き換えられた記録");
        try {
            signIn(page, world.auditor);
            page.navigate("/ledger/verify");
            assertNoSeriousAccessibilityViolations(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検証を開始する")).click();
            assertThat(page.getByText(Pattern.compile("つながりが切れている台帳が\\d+件あります")))
                    .isVisible(
                            new com.microsoft.playwright.assertions.LocatorAssertions
                                            .IsVisibleOptions()
                                    .setTimeout(60_000));
            var link =
                    page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(victim.tag() + "の台帳（第2番）を見る"));
            assertThat(link).isVisible();
            assertNoSeriousAccessibilityViolations(page);
            link.click();
            assertThat(page)
                    .hasURL(
                            Pattern.compile(
                                    ".*/assets/" + victim.id() + "/timeline\\?seq=2#event-2$"));
            assertThat(page.locator("#event-2")).hasAttribute("aria-current", "true");
            assertThat(page.locator("#event-2")).containsText("改ざんされた記録");
            assertThat(page.locator("#event-3")).containsText("改ざん以降");
            assertThat(page.getByText("この資産の台帳は途中で改ざんされています")).isVisible();
            assertNoSeriousAccessibilityViolations(page);
        } finally {
            tamper(victim.id(), 2, original);
        }
    }

    @Test
    void refusedAttemptsAreFilteredByPartyAndExportedAsCsv() throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(
                        Map.of(
                                "kind",
                                "HANDOFF",
                                "toPartyId",
                                world.subcontractor,
                                "assetIds",
                                List.of(asset.id())))
                .exchange()
                .expectStatus()
                .is4xxClientError();
        String partyName =
                db.sql("SELECT name FROM party WHERE id = :id")
                        .bind("id", world.contractor)
                        .map(r -> r.get("name", String.class))
                        .one()
                        .block();

        signIn(page, world.auditor);
        page.navigate("/evidence");
        page.getByLabel("当事者").selectOption(world.contractor.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("絞り込む")).click();
        assertThat(page.getByText("1件")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(asset.tag())))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        Download csv =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions()
                                                        .setName("CSVでダウンロード（Excel用）"))
                                        .click());
        byte[] bytes = Files.readAllBytes(csv.path());
        assertThat(bytes[0] & 0xff).as("UTF-8 with BOM, for Excel").isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(2);
        assertThat(text).contains(asset.tag()).contains(partyName);
    }

    @Test
    void forgedAndMalformedLabelsPresentedAreShownWithRefusedEventsFilteredByCodeArticleAndDate()
            throws Exception {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
        // a refused custody action (a handoff without approval, art. 4) …
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/transfers")
                .bodyValue(
                        Map.of(
                                "kind",
                                "HANDOFF",
                                "toPartyId",
                                world.subcontractor,
                                "assetIds",
                                List.of(asset.id())))
                .exchange()
                .expectStatus()
                .is4xxClientError();
        // … a forged label presented to /labels/resolve and a malformed one to /scans (table
        // evidence)
        String good = labels.codec().block().labelPayload(asset.tag());
        String forged = good.substring(0, good.lastIndexOf(':') + 1) + "QQQQQQQQQQQQ";
        as(world.contractorCustodian)
                .get()
                .uri(
                        u ->
                                u.path("/api/v1/labels/resolve")
                                        .queryParam("payload", "{p}")
                                        .build(forged))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        String malformed = "NOT A LABEL " + UUID.randomUUID().toString().substring(0, 6);
        as(world.contractorCustodian)
                .post()
                .uri("/api/v1/scans")
                .bodyValue(
                        Map.of(
                                "deviceId",
                                "counter-9",
                                "scans",
                                List.of(
                                        Map.of(
                                                "scanId",
                                                UUID.randomUUID(),
                                                "payload",
                                                malformed,
                                                "scannedAt",
                                                java.time.Instant.now().toString(),
                                                "purpose",
                                                "LOOKUP"))))
                .exchange()
                .expectStatus()
                .isOk();
        String article =
                db.sql(
                                "SELECT article FROM custody_event WHERE asset_id = :a AND refusal_code IS NOT NULL")
                        .bind("a", asset.id())
                        .map(r -> r.get("article", String.class))
                        .one()
                        .block();

        signIn(page, world.auditor);
        page.navigate("/evidence");
        page.getByLabel("当事者").selectOption(world.contractor.toString());
        filter();
        assertThat(page.getByText("3件", new Page.GetByTextOptions().setExact(true))).isVisible();
        var rows = page.locator("tbody tr");
        assertThat(
                        rows.filter(
                                new com.microsoft.playwright.Locator.FilterOptions()
                                        .setHasText("LABEL_FORGED")))
                .containsText("/api/v1/labels/resolve");
        assertThat(
                        rows.filter(
                                new com.microsoft.playwright.Locator.FilterOptions()
                                        .setHasText("LABEL_MALFORMED")))
                .containsText(malformed);
        assertThat(
                        rows.filter(
                                new com.microsoft.playwright.Locator.FilterOptions()
                                        .setHasText("LABEL_MALFORMED")))
                .containsText("counter-9");
        assertNoSeriousAccessibilityViolations(page);

        page.getByLabel("規則コード").fill("LABEL_FORGED");
        filter();
        assertThat(page.getByText("1件", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(rows).containsText(forged);

        page.getByLabel("規則コード").fill("");
        page.getByLabel("条項").fill(article);
        filter();
        assertThat(page.getByText("1件", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(asset.tag())))
                .isVisible();

        page.getByLabel("条項").fill("");
        page.getByLabel("開始日").fill(LocalDate.now().plusDays(2).toString());
        filter();
        assertThat(page.getByText("0件", new Page.GetByTextOptions().setExact(true))).isVisible();

        page.getByLabel("開始日").fill(LocalDate.now().minusDays(2).toString());
        page.getByLabel("規則コード").fill("LABEL_MALFORMED");
        filter();
        assertThat(page.getByText("1件", new Page.GetByTextOptions().setExact(true))).isVisible();
        Download csv =
                page.waitForDownload(
                        () ->
                                page.getByRole(
                                                AriaRole.LINK,
                                                new Page.GetByRoleOptions()
                                                        .setName("CSVでダウンロード（Excel用）"))
                                        .click());
        String text = new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(2);
        assertThat(text).contains("LABEL_MALFORMED", malformed, "counter-9", "/api/v1/scans");
    }

    private void filter() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("絞り込む")).click();
        page.waitForLoadState();
    }

    @Test
    void anAuditorGetsTheForbiddenPageOnEveryStateChangingConsoleRouteAndNothingIsStored() {
        var world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(3));
        var asset = world.registerAssets(1).get(0);
        world.issue(List.of(asset.id()));
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
                                List.of(asset.id()),
                                "validUntil",
                                LocalDate.now().plusDays(10).toString(),
                                "reason",
                                "出張先での作業"))
                .exchange()
                .expectStatus()
                .isCreated();
        UUID approval =
                db.sql("SELECT id FROM approval WHERE contract_id = :c")
                        .bind("c", world.contractId)
                        .map(r -> r.get("id", UUID.class))
                        .one()
                        .block();
        String before = fingerprint(world);

        signIn(page, world.auditor);
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        String header = page.locator("meta[name=csrf-header]").getAttribute("content");
        List<String> routes = stateChangingConsoleRoutes();
        assertThat(routes)
                .as("the console's state-changing routes")
                .contains(
                        "/approvals/{id}/decision",
                        "/contracts/{id}/close",
                        "/contracts/{id}/complete",
                        "/incidents/{id}/status",
                        "/incidents/{id}/instructions",
                        "/admin/users");
        List<String> notForbidden = new ArrayList<>();
        for (String route : routes) {
            String path = fill(route, world, approval, asset.id());
            var response =
                    page.request()
                            .post(
                                    url(path),
                                    RequestOptions.create()
                                            .setHeader(header, token)
                                            .setMaxRedirects(0)
                                            .setForm(
                                                    FormData.create()
                                                            .set("decision", "APPROVED")
                                                            .set(
                                                                    "validUntil",
                                                                    LocalDate.now()
                                                                            .plusDays(5)
                                                                            .toString())
                                                            .set("note", "監査担当による操作")
                                                            .set("text", "監査担当による操作")
                                                            .set("status", "INVESTIGATING")));
            if (response.status() != 403 || !response.text().contains("この操作は許可されていません")) {
                notForbidden.add(route + " → " + response.status());
            }
        }
        assertThat(notForbidden).as("routes that did not answer the console's 403 page").isEmpty();
        assertThat(fingerprint(world)).as("nothing stored").isEqualTo(before);
    }

    /**
     * Every POST, PUT, PATCH and DELETE route of the console (not the API), from the application's
     * own mappings, so a route added by any page is walked too.
     */
    private List<String> stateChangingConsoleRoutes() {
        Set<String> routes = new TreeSet<>();
        Set<RequestMethod> writes =
                Set.of(
                        RequestMethod.POST,
                        RequestMethod.PUT,
                        RequestMethod.PATCH,
                        RequestMethod.DELETE);
        for (RequestMappingHandlerMapping mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods()
                    .keySet()
                    .forEach(
                            info -> {
                                if (info.getMethodsCondition().getMethods().stream()
                                        .anyMatch(writes::contains)) {
                                    info.getPatternsCondition()
                                            .getPatterns()
                                            .forEach(p -> routes.add(p.getPatternString()));
                                }
                            });
        }
        // the auditor's own session, language and password, starting a verification (reading
        // the ledger) and taking an inventory are theirs
        routes.removeIf(
                r ->
                        r.startsWith("/api/")
                                || r.startsWith("/actuator")
                                || r.startsWith("/account")
                                || Set.of(
                                                "/signin",
                                                "/signout",
                                                "/language",
                                                "/ledger/verify",
                                                // art. 9: taking an inventory is the auditor's
                                                // job (the audit service decides, as the API)
                                                "/audits",
                                                "/audits/{id}/scan",
                                                "/audits/{id}/close")
                                        .contains(r));
        return new ArrayList<>(routes);
    }

    /**
     * Real ids where the route names one (so a refusal is the role's, not a missing record's), else
     * a fresh one.
     */
    private static String fill(String route, CustodyWorld world, UUID approval, UUID asset) {
        UUID id =
                route.startsWith("/approvals")
                        ? approval
                        : route.startsWith("/contracts")
                                ? world.contractId
                                : route.startsWith("/assets") ? asset : UUID.randomUUID();
        return route.replaceAll("\\{[^}]+}", id.toString());
    }

    private String fingerprint(CustodyWorld world) {
        return db.sql(
                        """
                        SELECT (SELECT count(*) FROM custody_event) || '/' || (SELECT count(*) FROM transfer) || '/'
                               || (SELECT count(*) FROM incident) || '/' || (SELECT count(*) FROM incident_entry) || '/'
                               || (SELECT count(*) FROM ledger_verification) || '/' || (SELECT count(*) FROM asset) || '/'
                               || (SELECT string_agg(status, ',' ORDER BY id) FROM approval WHERE contract_id = :c) || '/'
                               || (SELECT status FROM contract WHERE id = :c) || '/' || (SELECT count(*) FROM app_user) AS f""")
                .bind("c", world.contractId)
                .map(r -> r.get("f", String.class))
                .one()
                .block();
    }

    /**
     * Sets an event's note as the superuser with the append-only trigger off; answers the old note.
     */
    static String tamper(UUID asset, int seq, String note) throws Exception {
        try (Connection su = TestDatabase.superuserConnection();
                var s = su.createStatement()) {
            var rs =
                    s.executeQuery(
                            "SELECT coalesce(note, '') FROM custody_event WHERE asset_id = '"
                                    + asset
                                    + "' AND seq = "
                                    + seq);
            rs.next();
            String old = rs.getString(1);
            s.execute("SET session_replication_role = replica");
            try (var p =
                    su.prepareStatement(
                            "UPDATE custody_event SET note = nullif(?, '') WHERE asset_id = ?::uuid AND seq = ?")) {
                p.setString(1, note);
                p.setString(2, asset.toString());
                p.setInt(3, seq);
                p.executeUpdate();
            }
            return old;
        }
    }
}
