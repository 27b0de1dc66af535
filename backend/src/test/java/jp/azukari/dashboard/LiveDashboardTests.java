package jp.azukari.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.SecondInstance;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Live updates across instances (issue 12, acceptance 2 over HTTP): two backend instances on one
 * database; a change made through instance B is announced by PostgreSQL and pushed to a dashboard
 * stream on instance A.
 */
class LiveDashboardTests extends ApiTestSupport {

    private static final Set<String> CUSTODY_CHANGES = Set.of("transfer_line", "transfer", "asset");

    @Autowired ChangeFeed feed;

    record Heard(String event, String data, long atNanos) {}

    @Test
    void aConfirmationThroughInstanceBReachesAStreamOnInstanceAWithinTwoSeconds() throws Exception {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(2), LocalDate.now().plusMonths(2));
        var assets = world.registerAssets(2);
        var transfer =
                world.open(
                        world.clerk,
                        "ISSUE",
                        null,
                        null,
                        List.of(assets.get(0).id(), assets.get(1).id()));
        WebTestClient b = onB(world.contractorCustodian.token());
        awaitTrue(feed::listening, Duration.ofSeconds(10));

        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        Disposable stream = listen(world.manager.token(), heard);
        try {
            assertThat(heard.poll(10, TimeUnit.SECONDS))
                    .as("the stream starts with a resync")
                    .isNotNull()
                    .extracting(Heard::data)
                    .isEqualTo(ChangeFeed.RESYNC);
            Thread.sleep(
                    600); // past the first throttle interval, so the next change passes at once
            long t0 = System.nanoTime();
            b.post()
                    .uri("/api/v1/transfers/{id}/confirm", transfer.id())
                    .bodyValue(
                            Map.of(
                                    "assetIds",
                                    List.of(assets.get(0).id()),
                                    "deviceId",
                                    "instance-b",
                                    "acknowledgedHandling",
                                    true))
                    .exchange()
                    .expectStatus()
                    .isOk();
            Heard change = nextCustodyChange(heard, Duration.ofSeconds(2));
            assertThat(change)
                    .as("a custody change heard on instance A within 2 s of the confirmation on B")
                    .isNotNull();
            System.out.printf(
                    "confirmation on B heard on A after %.0f ms%n", (change.atNanos() - t0) / 1e6);
        } finally {
            stream.dispose();
        }
    }

    @Test
    void theFeedListensAgainAfterItsConnectionIsLost() throws Exception {
        awaitTrue(feed::listening, Duration.ofSeconds(10));
        int before = feed.backendPid();
        try (Connection c = TestDatabase.superuserConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + before + ")");
        }
        awaitTrue(() -> feed.listening() && feed.backendPid() != before, Duration.ofSeconds(20));

        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(
                                LocalDate.now().minusMonths(2), LocalDate.now().plusMonths(2));
        var assets = world.registerAssets(1);
        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        Disposable stream = listen(world.auditor.token(), heard);
        try {
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isNotNull();
            Thread.sleep(600);
            onB(world.clerk.token())
                    .post()
                    .uri("/api/v1/transfers")
                    .bodyValue(Map.of("kind", "ISSUE", "assetIds", List.of(assets.get(0).id())))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            assertThat(nextCustodyChange(heard, Duration.ofSeconds(2)))
                    .as("heard on the new connection")
                    .isNotNull();
        } finally {
            stream.dispose();
        }
    }

    @Test
    void onlyManagersAndAuditorsGetTheStreamOrTheDashboard() {
        CustodyWorld world = new CustodyWorld(this);
        for (var who : List.of(world.clerk, world.contractorCustodian)) {
            as(who).get()
                    .uri("/api/v1/dashboard/events")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            as(who).get().uri("/api/v1/dashboard").exchange().expectStatus().isForbidden();
        }
        as(world.auditor).get().uri("/api/v1/dashboard").exchange().expectStatus().isOk();
    }

    @Test
    void theDashboardCountsWhatIsOverdueAndWhatFallsDue() {
        Map<?, ?> before = dashboard(new CustodyWorld(this).manager.token());
        // a contract whose return date passed last week, with 3 assets out: 2 at the contractor, 1
        // at the subcontractor
        CustodyWorld late =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusMonths(6), LocalDate.now().minusDays(7));
        var assets = late.registerAssets(3).stream().map(CustodyWorld.Asset::id).toList();
        late.issue(assets);
        UUID approval = late.approveHandoff(List.of(assets.get(2)), LocalDate.now().plusDays(30));
        var handoff =
                late.open(
                        late.contractorCustodian,
                        "HANDOFF",
                        late.subcontractor,
                        approval,
                        List.of(assets.get(2)));
        late.confirm(late.subCustodian, handoff.id(), List.of(assets.get(2)));
        // a running contract due in 3 days, with 2 assets out
        CustodyWorld soon =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusMonths(6), LocalDate.now().plusDays(3));
        soon.issue(soon.registerAssets(2).stream().map(CustodyWorld.Asset::id).toList());

        Map<?, ?> after = dashboard(late.manager.token());
        assertThat(count(after, "overdueAssets") - count(before, "overdueAssets")).isEqualTo(3);
        assertThat(
                        count(after, "overdueAtSubcontractors")
                                - count(before, "overdueAtSubcontractors"))
                .isEqualTo(1);
        assertThat(count(after, "dueSoonAssets") - count(before, "dueSoonAssets")).isEqualTo(2);
    }

    private static long count(Map<?, ?> dashboard, String key) {
        return ((Number) dashboard.get(key)).longValue();
    }

    private Map<?, ?> dashboard(String token) {
        return http().get()
                .uri("/api/v1/dashboard")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Heard nextCustodyChange(BlockingQueue<Heard> heard, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Heard h = heard.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (h == null || CUSTODY_CHANGES.contains(h.data())) {
                return h;
            }
        }
    }

    private Disposable listen(String token, BlockingQueue<Heard> into) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/dashboard/events")
                .header("Authorization", "Bearer " + token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(e -> e.event() != null)
                .subscribe(e -> into.add(new Heard(e.event(), e.data(), System.nanoTime())));
    }

    private static WebTestClient onB(String token) {
        return WebTestClient.bindToServer()
                .baseUrl(SecondInstance.baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + within);
            }
            Thread.sleep(50);
        }
    }
}
