package jp.azukari.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.azukari.AzukariApplication;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Acceptance 4 of the contract-end issue: the overdue report over 1,000,000 assets (10 % held
 * outside the agency, 2 % overdue) and 5,000,000 ledger events. Not a test: run it by hand
 * (docs/contract-end.md).
 *
 * <p>It starts its own embedded PostgreSQL (data kept in {@code target/overdue-benchmark}, so a
 * second run skips the generation), migrates it with Flyway, generates the data set with set-based
 * SQL, starts the real backend on it, and measures the report over HTTP: the JSON first page for
 * everything and for the largest contract, and the CSV of every overdue asset while sampling the
 * heap. The generated ledger rows have the right shape and volume but not valid hash chains; the
 * report never reads them.
 *
 * <p>{@code -Dbench.quick=true} (CI): 20,000 assets over 40 contracts, fewer runs, data kept apart
 * in {@code target/overdue-benchmark-quick}; a minute on a fresh clone.
 */
public final class OverdueBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int ASSETS = QUICK ? 20_000 : 1_000_000;
    static final int CONTRACTS = QUICK ? 40 : 2_000;
    static final int LARGE_CONTRACT_ASSETS = QUICK ? 2_000 : 100_000;
    static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID MANAGER = UUID.fromString("30000000-0000-0000-0000-000000000001");
    static final UUID LARGE_CONTRACT = UUID.fromString("40000000-0000-0000-0000-000000000001");
    static final int WARMUP = QUICK ? 2 : 5;
    static final int RUNS = QUICK ? 10 : 50;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            // exit through the shutdown hooks, which stop the embedded PostgreSQL
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        System.out.printf(
                "%d cores, load average %.1f; %,d assets%s%n"
                        + "baseline (docs/contract-end.md, 2026-11-25, 1,000,000 assets): JSON first page"
                        + " everything median 118–121 ms (p95 205), the 100,000-asset contract 42–47 ms"
                        + " (p95 60–69), one contractor 37 ms (p95 54–82); CSV of every overdue asset"
                        + " 0.4–0.6 s, live heap 65–66 MB%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ASSETS,
                QUICK ? " (quick mode: figures not comparable with the baseline)" : "");
        Path dir =
                Path.of(
                                args.length > 0
                                        ? args[0]
                                        : QUICK
                                                ? "target/overdue-benchmark-quick"
                                                : "target/overdue-benchmark")
                        .toAbsolutePath();
        Files.createDirectories(dir);
        DatabaseCoordinates db = EmbeddedDatabase.start(dir.resolve("pgdata"), 0);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", db.appUser()))
                .load()
                .migrate();
        try (Connection superuser =
                        DriverManager.getConnection(
                                db.jdbcUrl(),
                                EmbeddedDatabase.credentials().superuser(),
                                EmbeddedDatabase.credentials().superuserPassword());
                Statement s = superuser.createStatement()) {
            // bulk loading: fewer checkpoints (the embedded server's defaults are small)
            s.execute("ALTER SYSTEM SET max_wal_size = '4GB'");
            s.execute("SELECT pg_reload_conf()");
        }
        try (Connection c =
                DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            generate(c);
        }
        try (Connection c =
                DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            explain(c);
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(AzukariApplication.class)
                        .properties(
                                "azukari.db.host=" + db.host(),
                                "azukari.db.port=" + db.port(),
                                "azukari.db.name=" + db.database(),
                                "azukari.db.username=" + db.appUser(),
                                "azukari.db.password=" + db.appPassword(),
                                "azukari.db.owner-username=" + db.ownerUser(),
                                "azukari.db.owner-password=" + db.ownerPassword(),
                                "server.port=0",
                                "azukari.bootstrap.enabled=false",
                                "azukari.reminders.enabled=false",
                                "logging.level.root=WARN")
                        .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token =
                    app.getBean(AccessTokens.class)
                            .issue(new Actor(MANAGER, "bench.manager", Role.MANAGER, AGENCY))
                            .block();
            WebClient http =
                    WebClient.builder()
                            .baseUrl("http://localhost:" + port)
                            .defaultHeader("Authorization", "Bearer " + token)
                            .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                            .build();
            measureJson(
                    http, "everything, first page (500)", "/api/v1/reports/overdue?asOf=" + AS_OF);
            measureJson(
                    http,
                    "large contract, first page (500)",
                    "/api/v1/reports/overdue?asOf=" + AS_OF + "&contractId=" + LARGE_CONTRACT);
            measureJson(
                    http,
                    "one contractor's holdings, first page (500)",
                    "/api/v1/reports/overdue?asOf="
                            + AS_OF
                            + "&holderPartyId=10000000-0000-0000-0000-000000000002");
            measureCsv(http, "CSV of every overdue asset (2 %)", AS_OF);
            measureCsv(
                    http,
                    "CSV as of 2030-01-01 (every held asset, 10 %)",
                    LocalDate.of(2030, 1, 1));
        }
    }

    // ---------------------------------------------------------------- data

    private static void generate(Connection c) throws SQLException {
        generate(c, ASSETS, CONTRACTS, LARGE_CONTRACT_ASSETS);
    }

    /**
     * The benchmark's data set, also for other benchmarks (the dashboard's): {@code assets} assets
     * over {@code contracts} contracts, the first {@code largeContractAssets} in one; skipped when
     * the database already holds as many assets.
     */
    public static void generate(Connection c, int assets, int contracts, int largeContractAssets)
            throws SQLException {
        final int ASSETS = assets;
        final int CONTRACTS = contracts;
        final int LARGE_CONTRACT_ASSETS = largeContractAssets;
        final int STEP = Math.max(1, (assets - largeContractAssets) / 1000);
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM asset");
            rs.next();
            if (rs.getLong(1) >= ASSETS) {
                System.out.printf("data set already there (%,d assets)%n", rs.getLong(1));
                return;
            }
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '256MB'");
            step(
                    s,
                    "parties and the manager",
                    """
                    INSERT INTO party (id, name, kind) VALUES ('%1$s', 'Bench Agency 発注機関', 'AGENCY');
                    INSERT INTO party (id, name, kind)
                    SELECT ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'Contractor ' || lpad(i::text, 3, '0'), 'CONTRACTOR'
                      FROM generate_series(1, 200) i;
                    INSERT INTO party (id, name, kind)
                    SELECT ('20000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'Subcontractor ' || lpad(i::text, 2, '0'), 'SUBCONTRACTOR'
                      FROM generate_series(1, 50) i;
                    INSERT INTO app_user (id, username, display_name, party_id, role, password_hash)
                    VALUES ('%2$s', 'bench.manager', 'Bench Manager', '%1$s', 'MANAGER', 'not-a-login');
                    """
                            .formatted(AGENCY, MANAGER));
            step(
                    s,
                    CONTRACTS + " contracts",
                    """
                    INSERT INTO contract (id, number, title, agency_party_id, contractor_party_id, starts_on, ends_on, return_due_on)
                    SELECT ('40000000-0000-0000-0000-' || lpad(j::text, 12, '0'))::uuid, 'BENCH-' || lpad(j::text, 4, '0'),
                           'ベンチマーク契約 ' || j, '%s', ('10000000-0000-0000-0000-' || lpad((1 + j %% 200)::text, 12, '0'))::uuid,
                           date '2025-04-01', date '2026-03-31' + (j %% 400), date '2026-03-31' + (j %% 400)
                      FROM generate_series(1, %d) j;
                    """
                            .formatted(AGENCY, CONTRACTS));
            // i % 10 = 0 is held outside (10 %), i % 50 = 0 of those is overdue (2 %), i % 30 = 0
            // is at a subcontractor;
            // contract 1 has the first 100,000 assets, the others share the rest
            step(
                    s,
                    String.format("%,d assets", ASSETS),
                    """
                    INSERT INTO asset (id, tag, contract_id, kind, title, sensitivity, custody_state, holder_party_id, due_on,
                                       last_seq, last_hash)
                    SELECT md5('asset' || g.i)::uuid, 'B-' || lpad(g.i::text, 7, '0'),
                           ('40000000-0000-0000-0000-' || lpad(g.j::text, 12, '0'))::uuid,
                           (ARRAY['DOCUMENT', 'DATA', 'RECORDING_MEDIA', 'EQUIPMENT', 'SOFTWARE'])[1 + g.i %% 5],
                           '調査資料 第' || g.i || '号',
                           (ARRAY['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PERSONAL_DATA'])[1 + g.i %% 4],
                           CASE WHEN g.i %% 10 <> 0 THEN CASE WHEN g.i %% 3 = 0 THEN 'RETURNED' ELSE 'REGISTERED' END
                                WHEN g.i %% 30 = 0 THEN 'WITH_SUBCONTRACTOR' ELSE 'WITH_CONTRACTOR' END,
                           CASE WHEN g.i %% 10 <> 0 THEN '%s'::uuid
                                WHEN g.i %% 30 = 0 THEN ('20000000-0000-0000-0000-' || lpad((1 + (g.i / 30) %% 50)::text, 12, '0'))::uuid
                                ELSE ('10000000-0000-0000-0000-' || lpad((1 + g.j %% 200)::text, 12, '0'))::uuid END,
                           CASE WHEN g.i %% 10 <> 0 THEN NULL
                                WHEN g.i %% 50 = 0 THEN date '%s' - (1 + g.i %% 90)
                                ELSE date '%s' + (g.i %% 300) END,
                           5, sha256(convert_to('asset' || g.i, 'UTF8'))
                      FROM (SELECT i, CASE WHEN i <= %d THEN 1 ELSE 2 + i %% %d END AS j FROM generate_series(1, %d) i) g;
                    """
                            .formatted(
                                    AGENCY,
                                    AS_OF,
                                    AS_OF,
                                    LARGE_CONTRACT_ASSETS,
                                    CONTRACTS - 1,
                                    ASSETS));
            step(
                    s,
                    "1,000 open ISSUE transfers (assets on their way out, not yet confirmed)",
                    """
                    INSERT INTO transfer (id, kind, contract_id, from_party_id, to_party_id, started_by, started_at)
                    SELECT md5('transfer' || a.id)::uuid, 'ISSUE', a.contract_id, '%1$s', c.contractor_party_id, '%2$s', now()
                      FROM asset a JOIN contract c ON c.id = a.contract_id
                     WHERE a.tag IN (SELECT 'B-' || lpad((%3$d + %4$d * k)::text, 7, '0') FROM generate_series(0, 999) k);
                    INSERT INTO transfer_line (transfer_id, asset_id, line_no)
                    SELECT md5('transfer' || a.id)::uuid, a.id, 1
                      FROM asset a WHERE a.tag IN (SELECT 'B-' || lpad((%3$d + %4$d * k)::text, 7, '0') FROM generate_series(0, 999) k);
                    """
                            .formatted(AGENCY, MANAGER, LARGE_CONTRACT_ASSETS + 1, STEP));
            step(
                    s,
                    String.format(
                            "%,d ledger events (5 per asset; shape only, hashes not chained)",
                            5L * ASSETS),
                    """
                    INSERT INTO custody_event (asset_id, seq, id, contract_id, type, actor_user_id, occurred_at, note, prev_hash, hash)
                    SELECT a.id, s, gen_random_uuid(), a.contract_id,
                           (ARRAY['REGISTERED', 'TRANSFER_OPENED', 'ISSUED', 'TRANSFER_OPENED', 'RETURNED'])[s], '%s',
                           timestamptz '2025-04-01' + s * interval '7 days' + (hashtext(a.tag) %% 86400) * interval '1 second',
                           'benchmark', sha256(convert_to(a.tag || (s - 1), 'UTF8')), sha256(convert_to(a.tag || s, 'UTF8'))
                      FROM asset a CROSS JOIN generate_series(1, 5) s;
                    """
                            .formatted(MANAGER));
            step(s, "VACUUM ANALYZE", "VACUUM ANALYZE");
        }
    }

    static void step(Statement s, String what, String sql) throws SQLException {
        long t0 = System.nanoTime();
        s.execute(sql);
        System.out.printf("generated %s in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- plans

    private static void explain(Connection c) throws SQLException {
        String asOf = "DATE '" + AS_OF + "'";
        try (Statement s = c.createStatement()) {
            ResultSet counts =
                    s.executeQuery(
                            """
                    SELECT count(*) FILTER (WHERE custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR')) AS held,
                           count(*) FILTER (WHERE custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR') AND due_on < %s) AS overdue,
                           count(*) AS assets, (SELECT count(*) FROM custody_event) AS events FROM asset"""
                                    .formatted(asOf));
            counts.next();
            System.out.printf(
                    "%ndata: %,d assets, %,d held outside, %,d overdue held, %,d ledger events%n",
                    counts.getLong("assets"),
                    counts.getLong("held"),
                    counts.getLong("overdue"),
                    counts.getLong("events"));
            var everything = new OverdueQuery.Filter(AS_OF, null, null);
            var large = new OverdueQuery.Filter(AS_OF, LARGE_CONTRACT, null);
            plan(s, "everything, first page: rows", OverdueQuery.pageSql(everything), asOf, null);
            plan(s, "everything: group totals", OverdueQuery.totalsSql(everything), asOf, null);
            plan(
                    s,
                    "large contract, first page: rows",
                    OverdueQuery.pageSql(large),
                    asOf,
                    LARGE_CONTRACT);
            plan(
                    s,
                    "large contract: group totals",
                    OverdueQuery.totalsSql(large),
                    asOf,
                    LARGE_CONTRACT);
        }
    }

    private static void plan(Statement s, String title, String sql, String asOf, UUID contract)
            throws SQLException {
        String literal =
                sql.replace("CAST(:as_of AS date)", asOf)
                        .replace(":limit", "500")
                        .replace(":offset", "0");
        if (contract != null) {
            literal = literal.replace(":contract", "'" + contract + "'::uuid");
        }
        ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + literal);
        System.out.println("\n---- plan: " + title);
        while (rs.next()) {
            System.out.println(rs.getString(1));
        }
    }

    // ---------------------------------------------------------------- HTTP

    private static void measureJson(WebClient http, String title, String uri) {
        List<Double> ms = new ArrayList<>();
        int returned = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            Map<?, ?> body =
                    http.get()
                            .uri(uri)
                            .accept(MediaType.APPLICATION_JSON)
                            .retrieve()
                            .bodyToMono(Map.class)
                            .block(Duration.ofSeconds(60));
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (i >= WARMUP) {
                ms.add(elapsed);
            }
            returned = ((Number) body.get("returned")).intValue();
            if (i == 0) {
                System.out.printf(
                        "%n%s: totalAssets=%s, groups on the page=%d%n",
                        title, body.get("totalAssets"), ((List<?>) body.get("groups")).size());
            }
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "%s: %d rows, median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms over %d runs%n",
                title,
                returned,
                sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.95) - 1],
                sorted[0],
                sorted[sorted.length - 1],
                RUNS);
    }

    /**
     * Streams the CSV twice: once for its time, once with a full GC every 100 ms to sample the live
     * heap (what stays reachable) while rows flow. Flat memory shows as the same live heap for a 3
     * MB and a 16 MB CSV.
     */
    private static void measureCsv(WebClient http, String title, LocalDate asOf)
            throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] timed = stream(http, asOf);
        System.out.printf(
                "%n%s: %,d lines, %,d bytes in %.2f s%n",
                title, timed[0], timed[1], timed[2] / 1e9);
        AtomicLong maxLive = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread sampler =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                System.gc();
                                maxLive.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                                samples.incrementAndGet();
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        sampler.start();
        stream(http, asOf);
        sampler.interrupt();
        sampler.join();
        System.out.printf(
                "%s: live heap before %,d MB, highest live heap while streaming %,d MB (%d samples after full GC)%n",
                title, baseline >> 20, maxLive.get() >> 20, samples.get());
    }

    /** Lines (without the header), bytes and nanoseconds. */
    private static long[] stream(WebClient http, LocalDate asOf) {
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        long t0 = System.nanoTime();
        http.get()
                .uri("/api/v1/reports/overdue?asOf=" + asOf)
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve()
                .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
                .doOnNext(
                        b -> {
                            bytes.addAndGet(b.readableByteCount());
                            for (int i = b.readPosition(); i < b.writePosition(); i++) {
                                if (b.getByte(i) == '\n') {
                                    lines.incrementAndGet();
                                }
                            }
                            DataBufferUtils.release(b);
                        })
                .blockLast(Duration.ofMinutes(5));
        return new long[] {lines.get() - 1, bytes.get(), System.nanoTime() - t0};
    }

    private OverdueBenchmark() {}
}
