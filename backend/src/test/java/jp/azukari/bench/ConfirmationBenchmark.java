package jp.azukari.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.azukari.AzukariApplication;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Single-asset ISSUE confirmations over HTTP from 64 concurrent clients, against pgbench running
 * the equivalent SQL transaction (lock the asset, update it, append its chained event) on the same
 * PostgreSQL. Prints both rates, their ratio and the HTTP latency percentiles. Not a test: run it
 * from the README's command.
 */
public final class ConfirmationBenchmark {

    /**
     * {@code -Dbench.quick=true}: a run of a minute or two (CI runs it so the command cannot rot)
     * that still checks every invariant: each counted answer a 2xx, no transfer used twice, the
     * ledger verified. Its figures mean little.
     */
    static final boolean QUICK = Boolean.getBoolean("bench.quick");

    static final int CLIENTS = Integer.getInteger("bench.clients", QUICK ? 16 : 64);
    static final int SECONDS = Integer.getInteger("bench.seconds", QUICK ? 4 : 20);
    static final int ASSETS = Integer.getInteger("bench.assets", QUICK ? 40_000 : 500_000);

    /**
     * Transfers kept for the measured phase; the rest feed the warm-up rounds. Before measuring,
     * the run checks these last at one and a half times the best warm-up rate, so that the measured
     * phase never runs out and repeats a confirmation.
     */
    static final int MEASURED_TRANSFERS =
            Integer.getInteger("bench.measuredTransfers", QUICK ? 15_000 : 100_000);

    /**
     * Warm-up: rounds of this many seconds, each on transfers of its own, until the rate stops
     * rising.
     */
    static final int WARMUP_ROUND_SECONDS = Integer.getInteger("bench.warmupRound", QUICK ? 4 : 10);

    static final int WARMUP_ROUNDS_MAX = Integer.getInteger("bench.warmupRounds", QUICK ? 2 : 10);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("azukari-bench");
        DatabaseCoordinates pg =
                EmbeddedDatabase.start(
                        dir.resolve("pg"),
                        0,
                        STATEMENTS
                                ? java.util.Map.of(
                                        "shared_preload_libraries",
                                        "pg_stat_statements",
                                        "pg_stat_statements.track_planning",
                                        "on")
                                : java.util.Map.of());
        if (STATEMENTS) {
            psql(pg, "CREATE EXTENSION pg_stat_statements");
        }
        // the backend under test is the product's own jar in a JVM of its own, as ./run starts it;
        // this process keeps
        // a Spring context without a web server only to set up data and sign tokens with the
        // installation's key
        Process server = startServer(pg, dir);
        System.setProperty("azukari.db.host", pg.host());
        System.setProperty("azukari.db.port", String.valueOf(pg.port()));
        System.setProperty("azukari.db.username", pg.appUser());
        System.setProperty("azukari.db.password", pg.appPassword());
        System.setProperty("azukari.db.owner-username", pg.ownerUser());
        System.setProperty("azukari.db.owner-password", pg.ownerPassword());
        System.setProperty("spring.main.web-application-type", "none");
        System.setProperty("azukari.reminders.enabled", "false");
        System.setProperty("logging.level.root", "WARN");
        // the run outlasts the usual ten-minute access token on a slow machine
        System.setProperty("azukari.auth.access-token-ttl", "2h");
        ConfigurableApplicationContext ctx = SpringApplication.run(AzukariApplication.class);
        var db = ctx.getBean(DatabaseClient.class);
        var tokens = ctx.getBean(AccessTokens.class);
        String base = "http://localhost:" + SERVER_PORT;
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4))
                        .build();

        UUID agency = party(db, "bench agency", "AGENCY");
        UUID contractor = party(db, "bench contractor", "CONTRACTOR");
        String manager = token(db, tokens, Role.MANAGER, agency);
        String clerk = token(db, tokens, Role.CLERK, agency);
        String custodian = token(db, tokens, Role.CUSTODIAN, contractor);
        String contract =
                field(
                        post(
                                        http,
                                        base + "/api/v1/contracts",
                                        manager,
                                        "{\"number\":\"BENCH-1\",\"title\":\"ベンチマーク\","
                                                + "\"contractorPartyId\":\""
                                                + contractor
                                                + "\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2027-12-31\"}")
                                .body(),
                        "id");

        long t0 = System.nanoTime();
        List<String> assets = new ArrayList<>();
        while (assets.size() < ASSETS) {
            assets.addAll(
                    register(http, base, clerk, contract, Math.min(1000, ASSETS - assets.size())));
        }
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "registered %,d assets in %.1f s (%.0f assets/s, batches of 1,000)%n",
                assets.size(), registerSeconds, assets.size() / registerSeconds);

        // one single-asset ISSUE transfer per asset, set up before the timed phase. The first 1,000
        // are opened through
        // the API (and timed, for information); the rest are written in one SQL statement, as the
        // API would leave them,
        // so that setting up enough work for a 20 s run at a high rate does not take minutes.
        var pending = new ConcurrentLinkedQueue<String[]>();
        t0 = System.nanoTime();
        runConcurrently(
                CLIENTS,
                assets.subList(0, Math.min(1000, assets.size())),
                asset -> {
                    var r =
                            post(
                                    http,
                                    base + "/api/v1/transfers",
                                    clerk,
                                    "{\"kind\":\"ISSUE\",\"assetIds\":[\"" + asset + "\"]}");
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException(
                                "open failed: " + r.statusCode() + " " + r.body());
                    }
                    pending.add(new String[] {field(r.body(), "id"), asset});
                });
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "opened %,d single-asset ISSUE transfers through the API in %.1f s (%.0f/s)%n",
                pending.size(), openSeconds, pending.size() / openSeconds);
        db.sql(
                        """
                        WITH m AS (SELECT a.id AS asset_id, gen_random_uuid() AS transfer_id FROM asset a
                                    WHERE a.contract_id = CAST(:contract AS uuid) AND a.custody_state = 'REGISTERED'
                                      AND NOT EXISTS (SELECT 1 FROM transfer_line l WHERE l.asset_id = a.id AND l.status = 'PENDING')),
                        t AS (INSERT INTO transfer (id, kind, contract_id, from_party_id, to_party_id, started_by, started_at)
                              SELECT transfer_id, 'ISSUE', CAST(:contract AS uuid), :agency, :contractor, u.id, now()
                                FROM m, (SELECT id FROM app_user WHERE username = 'bench-clerk') u),
                        l AS (INSERT INTO transfer_line (transfer_id, asset_id, line_no) SELECT transfer_id, asset_id, 1 FROM m),
                        x AS (INSERT INTO asset_party_access (asset_id, party_id) SELECT asset_id, :contractor FROM m ON CONFLICT DO NOTHING)
                        SELECT transfer_id, asset_id FROM m""")
                .bind("contract", contract)
                .bind("agency", agency)
                .bind("contractor", contractor)
                .map(
                        r ->
                                new String[] {
                                    r.get("transfer_id", UUID.class).toString(),
                                    r.get("asset_id", UUID.class).toString()
                                })
                .all()
                .doOnNext(pending::add)
                .then()
                .block();
        // after a bulk load, as after any: without fresh statistics the planner took the 500,000
        // lines just written for
        // a few and looked lines up by a full index scan (80 ms a query) until autovacuum's ANALYZE
        // came round
        psql(pg, "ANALYZE");
        System.out.printf("%,d open single-asset ISSUE transfers ready%n", pending.size());

        // timed phase: CLIENTS connections confirm as fast as the server answers, for SECONDS (or
        // until none is left).
        // wrk (C, from Debian's packages) drives it when installed, so the load generator costs the
        // machine about as
        // little as pgbench's client does; otherwise Java's own HTTP client does
        // (-Dbench.client=java forces it).
        // Warm-up rounds on transfers of their own come first, until the rate stops rising: pgbench
        // runs compiled C,
        // while the backend's first minutes are the JIT compiling the request path (measured: C2
        // used a quarter of
        // the CPU for minutes, and the rate went from ~120/s in the first 20 s to ~680/s after
        // three minutes of load).
        boolean useWrk = !"java".equals(System.getProperty("bench.client")) && onPath("wrk");
        List<String[]> prepared = new ArrayList<>(pending);
        var measuredSlice =
                new ConcurrentLinkedQueue<>(
                        prepared.subList(0, Math.min(MEASURED_TRANSFERS, prepared.size())));
        List<String[]> warmSlices = prepared.subList(measuredSlice.size(), prepared.size());
        int roundSize = Math.max(1, warmSlices.size() / Math.max(1, WARMUP_ROUNDS_MAX));
        double best = 0;
        int flat = 0;
        for (int round = 1;
                round <= WARMUP_ROUNDS_MAX && round * roundSize <= warmSlices.size();
                round++) {
            var slice =
                    new ConcurrentLinkedQueue<>(
                            warmSlices.subList((round - 1) * roundSize, round * roundSize));
            String label = "warm-up " + round + ", not counted";
            double rate =
                    (useWrk
                                    ? wrkPhase(base, custodian, slice, WARMUP_ROUND_SECONDS, label)
                                    : javaPhase(
                                            http,
                                            base,
                                            custodian,
                                            slice,
                                            WARMUP_ROUND_SECONDS,
                                            label))
                            [0];
            // steady once two rounds in a row gain less than 3 % on the best before them
            flat = rate < best * 1.03 ? flat + 1 : 0;
            best = Math.max(best, rate);
            if (flat == 2) {
                break;
            }
            pauseForCompiler();
        }
        long needed = (long) Math.ceil(best * SECONDS * 1.5);
        if (measuredSlice.size() < needed) {
            throw new IllegalStateException(
                    String.format(
                            "only %,d open transfers for a %d s measured phase at up to %.0f/s (%,d needed):"
                                    + " raise -Dbench.assets or -Dbench.measuredTransfers",
                            measuredSlice.size(), SECONDS, best, needed));
        }
        statementsReset(pg);
        double[] measured =
                useWrk
                        ? wrkPhase(base, custodian, measuredSlice, SECONDS, "measured")
                        : javaPhase(http, base, custodian, measuredSlice, SECONDS, "measured");
        statementsReport(pg, "single-asset confirmations");
        double httpRate = measured[0];

        double scanRate =
                Boolean.parseBoolean(System.getProperty("bench.scans", "true"))
                        ? scanPhase(ctx, http, base, clerk, custodian, contract, pg)
                        : 0;

        // verify what was written, then pgbench with the equivalent SQL transaction on the same
        // server
        var verify = get(http, base + "/api/v1/ledger/verify", manager);
        System.out.println(
                "ledger verification after the run: " + field(verify.body(), "verified"));
        double pgbenchRate = pgbench(pg, assets.size());
        System.out.printf(
                "pgbench (same PostgreSQL, %d clients, equivalent transaction): %.0f tps%n",
                CLIENTS, pgbenchRate);
        System.out.printf(
                "ratio HTTP / pgbench = %.2f (target >= 0.5); p99 %.1f ms (target <= 50 ms)%n",
                httpRate / pgbenchRate, measured[1]);
        if (scanRate > 0) {
            System.out.printf(
                    "scans / single-asset confirmations = %.1f x (target >= 5 x)%n",
                    scanRate / httpRate);
        }
        ctx.close();
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    /**
     * Between warm-up rounds the backend gets a few idle seconds: under full load on two cores its
     * compiler threads get only part of a core, and it kept speeding up for minutes.
     */
    static void pauseForCompiler() throws InterruptedException {
        Thread.sleep(Integer.getInteger("bench.warmupPause", 5) * 1000L);
    }

    static final int SERVER_PORT = Integer.getInteger("bench.port", 18080);

    /**
     * Starts backend/target/azukari-backend-*-exec.jar on the benchmark's database and waits until
     * it answers.
     */
    static Process startServer(DatabaseCoordinates pg, Path dir)
            throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        if (!Files.isDirectory(target)) {
            target = Path.of("backend", "target").toAbsolutePath();
        }
        Path jar;
        try (var files = Files.list(target)) {
            jar =
                    files.filter(
                                    f ->
                                            f.getFileName()
                                                    .toString()
                                                    .matches("azukari-backend-.*-exec\\.jar"))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "no backend jar in "
                                                            + Path.of("target").toAbsolutePath()
                                                            + ": run ./mvnw -q -pl backend -am package -DskipTests first (the README's benchmark command does)"));
        }
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString(),
                                "--server.port=" + SERVER_PORT,
                                "--azukari.db.host=" + pg.host(),
                                "--azukari.db.port=" + pg.port(),
                                "--azukari.db.username=" + pg.appUser(),
                                "--azukari.db.owner-username=" + pg.ownerUser(),
                                "--azukari.auth.access-token-ttl=2h",
                                "--azukari.reminders.enabled=false",
                                "--logging.level.root=WARN"));
        if (System.getProperty("bench.pool") != null) {
            command.add("--spring.r2dbc.pool.max-size=" + System.getProperty("bench.pool"));
        }
        if (System.getProperty("bench.groups") != null) {
            command.add("--azukari.confirm.groups-in-flight=" + System.getProperty("bench.groups"));
        }
        Path log = dir.resolve("server.log");
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("AZUKARI_ADMIN_PASSWORD", UUID.randomUUID().toString());
        // the embedded PostgreSQL takes passwords only; passed in the environment, not in ps
        pb.environment().put("AZUKARI_DB_PASSWORD", pg.appPassword());
        pb.environment().put("AZUKARI_DB_OWNER_PASSWORD", pg.ownerPassword());
        Process server = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        HttpClient probe = HttpClient.newHttpClient();
        // a busy two-core machine has taken more than two minutes to start the jar
        int startSeconds = Integer.getInteger("bench.startTimeout", 300);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startSeconds);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "the backend stopped; its log:\n" + Files.readString(log));
            }
            try {
                var r =
                        probe.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + SERVER_PORT
                                                                + "/actuator/health/liveness"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    System.out.println(
                            "backend "
                                    + jar.getFileName()
                                    + " running on port "
                                    + SERVER_PORT
                                    + " (log "
                                    + log
                                    + ")");
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        server.destroy();
        throw new IllegalStateException(
                "the backend did not answer within "
                        + startSeconds
                        + " s; its log:\n"
                        + Files.readString(log));
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Java's HTTP client, one blocking thread per client. Returns {rate, p99 ms}. */
    static double[] javaPhase(
            HttpClient http,
            String base,
            String custodian,
            ConcurrentLinkedQueue<String[]> pending,
            int seconds,
            String label)
            throws InterruptedException {
        var latencies = new long[pending.size()];
        var done = new AtomicInteger();
        var failures = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(
                    () -> {
                        String[] next;
                        while (System.nanoTime() < deadline && (next = pending.poll()) != null) {
                            long s = System.nanoTime();
                            var r =
                                    post(
                                            http,
                                            base + "/api/v1/transfers/" + next[0] + "/confirm",
                                            custodian,
                                            "{\"assetIds\":[\""
                                                    + next[1]
                                                    + "\"],\"deviceId\":\"bench\"}");
                            long took = System.nanoTime() - s;
                            if (r.statusCode() == 200) {
                                latencies[done.getAndIncrement()] = took;
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = done.get();
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf(
                "HTTP confirmations, %s (Java client): %,d in %.1f s = %.0f/s with %d clients; p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; failures %d%n",
                label,
                n,
                elapsed,
                n / elapsed,
                CLIENTS,
                pct(sorted, 50),
                pct(sorted, 99),
                sorted[n - 1] / 1e6,
                failures.get());
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    label
                            + ": "
                            + failures.get()
                            + " confirmations did not answer 200; a benchmark counts only"
                            + " confirmations that were made");
        }
        if (pending.isEmpty() && elapsed < seconds) {
            throw new IllegalStateException(
                    label
                            + ": the open transfers ran out before the time did: raise -Dbench.assets");
        }
        return new double[] {n / elapsed, pct(sorted, 99)};
    }

    /**
     * wrk with a Lua script: each of its two threads walks its own half of the open transfers, one
     * confirmation per request. Returns {rate, p99 ms}.
     */
    static double[] wrkPhase(
            String base,
            String custodian,
            ConcurrentLinkedQueue<String[]> pending,
            int seconds,
            String label)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("azukari-wrk");
        List<String> lines = new ArrayList<>();
        for (String[] p : pending) {
            lines.add(p[0] + " " + p[1]);
        }
        Path list = dir.resolve("transfers.txt");
        Files.write(list, lines);
        Path script = dir.resolve("confirm.lua");
        Files.writeString(
                script,
                String.join(
                        "\n",
                        "local list = {}",
                        "for line in io.lines('" + list + "') do list[#list + 1] = line end",
                        "local token = '" + custodian + "'",
                        "local threads = 0",
                        "setup = function(thread) thread:set('slice', threads); threads = threads + 1 end",
                        "local i = 0",
                        "request = function()",
                        "  i = i + 1",
                        "  local half = math.floor(#list / " + Math.min(2, CLIENTS) + ")",
                        "  local index = (slice or 0) * half + ((i - 1) % half) + 1",
                        "  local transfer, asset = list[index]:match('(%S+) (%S+)')",
                        "  return wrk.format('POST', '/api/v1/transfers/' .. transfer .. '/confirm',",
                        "    {['Content-Type'] = 'application/json', ['Authorization'] = 'Bearer ' .. token},",
                        "    '{\"assetIds\":[\"' .. asset .. '\"],\"deviceId\":\"bench\"}')",
                        "end",
                        ""));
        var pb =
                new ProcessBuilder(
                                "wrk",
                                "-t" + Math.min(2, CLIENTS),
                                "-c" + CLIENTS,
                                "-d" + seconds + "s",
                                "--latency",
                                "-s",
                                script.toString(),
                                base)
                        .redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        var rate = java.util.regex.Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        var p50 = java.util.regex.Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        var p99 = java.util.regex.Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        var non2xx =
                java.util.regex.Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (!rate.find() || !p99.find() || !p50.find()) {
            throw new IllegalStateException("wrk did not report:\n" + out);
        }
        long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        double r = Double.parseDouble(rate.group(1));
        System.out.printf(
                "HTTP confirmations, %s (wrk, %d connections, %d s): %.0f/s; p50 %.1f ms, p99 %.1f ms; non-2xx answers %d%n",
                label, CLIENTS, seconds, r, ms(p50), ms(p99), failed);
        var requests = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(out);
        long sent = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        if (failed > 0 || sent > lines.size()) {
            // a wrk thread walks its half of the list and starts again at its top when it reaches
            // the end: any
            // answer beyond the list is a repeated confirmation, refused, and would count in the
            // rate
            throw new IllegalStateException(
                    String.format(
                            "%s: %,d requests for %,d open transfers, %,d non-2xx answers: the open transfers ran out"
                                    + " and confirmations were repeated; raise -Dbench.assets",
                            label, sent, lines.size(), failed));
        }
        return new double[] {r, ms(p99)};
    }

    static double ms(java.util.regex.Matcher m) {
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    static final int SCAN_BATCH = 50;

    /**
     * Confirmations through /scans: each request carries the 50 labels of one 50-asset ISSUE
     * transfer. Warm-up rounds on transfers of their own come first, as for single confirmations,
     * so both rates are of a compiled request path.
     */
    static double scanPhase(
            ConfigurableApplicationContext ctx,
            HttpClient http,
            String base,
            String clerk,
            String custodian,
            String contract,
            DatabaseCoordinates pg)
            throws Exception {
        for (int round = 1;
                round <= Integer.getInteger("bench.scanWarmups", QUICK ? 1 : 3);
                round++) {
            scanRound(
                    ctx,
                    http,
                    base,
                    clerk,
                    custodian,
                    contract,
                    "warm-up " + round + ", not counted",
                    null);
            pauseForCompiler();
        }
        double rate = scanRound(ctx, http, base, clerk, custodian, contract, "measured", pg);
        statementsReport(pg, "/scans");
        return rate;
    }

    static double scanRound(
            ConfigurableApplicationContext ctx,
            HttpClient http,
            String base,
            String clerk,
            String custodian,
            String contract,
            String label,
            DatabaseCoordinates statementsOf)
            throws Exception {
        var codec = ctx.getBean(jp.azukari.label.LabelService.class).codec().block();
        int total = Integer.getInteger("bench.scanAssets", QUICK ? 3_000 : 30_000);
        List<String[]> assets = new ArrayList<>();
        while (assets.size() < total) {
            assets.addAll(
                    registerWithTags(
                            http, base, clerk, contract, Math.min(1000, total - assets.size())));
        }
        List<List<String[]>> groups = new ArrayList<>();
        for (int i = 0; i + SCAN_BATCH <= assets.size(); i += SCAN_BATCH) {
            groups.add(assets.subList(i, i + SCAN_BATCH));
        }
        var ready = new ConcurrentLinkedQueue<String>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            keys.add(String.valueOf(i));
        }
        var bodies = new java.util.concurrent.ConcurrentHashMap<String, String>();
        runConcurrently(
                16,
                keys,
                k -> {
                    List<String[]> g = groups.get(Integer.parseInt(k));
                    StringBuilder ids = new StringBuilder();
                    for (String[] a : g) {
                        ids.append(ids.length() == 0 ? "" : ",")
                                .append('"')
                                .append(a[0])
                                .append('"');
                    }
                    var r =
                            post(
                                    http,
                                    base + "/api/v1/transfers",
                                    clerk,
                                    "{\"kind\":\"ISSUE\",\"assetIds\":[" + ids + "]}");
                    String transfer = field(r.body(), "id");
                    StringBuilder scans =
                            new StringBuilder("{\"deviceId\":\"bench-scanner\",\"scans\":[");
                    for (int j = 0; j < g.size(); j++) {
                        scans.append(j == 0 ? "" : ",")
                                .append("{\"scanId\":\"")
                                .append(UUID.randomUUID())
                                .append("\",\"payload\":\"")
                                .append(codec.labelPayload(g.get(j)[1]))
                                .append("\",\"scannedAt\":\"")
                                .append(java.time.Instant.now())
                                .append("\",\"purpose\":\"CONFIRM\",\"transferId\":\"")
                                .append(transfer)
                                .append("\"}");
                    }
                    bodies.put(k, scans.append("]}").toString());
                    ready.add(k);
                });
        if (statementsOf != null) {
            statementsReset(statementsOf);
        }
        var confirmed = new AtomicLong();
        var latencies = new ConcurrentLinkedQueue<Long>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(
                    () -> {
                        String k;
                        while (System.nanoTime() < deadline && (k = ready.poll()) != null) {
                            long s = System.nanoTime();
                            var r = post(http, base + "/api/v1/scans", custodian, bodies.get(k));
                            latencies.add(System.nanoTime() - s);
                            int ok = 0;
                            var m =
                                    java.util.regex.Pattern.compile("\"result\":\"CONFIRMED\"")
                                            .matcher(r.body());
                            while (m.find()) {
                                ok++;
                            }
                            confirmed.addAndGet(ok);
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double rate = confirmed.get() / elapsed;
        System.out.printf(
                "/scans confirmations, %s: %,d in %.1f s = %.0f/s (batches of %d, %d clients); request p50 %.1f ms, p99 %.1f ms%n",
                label,
                confirmed.get(),
                elapsed,
                rate,
                SCAN_BATCH,
                CLIENTS,
                pct(sorted, 50),
                pct(sorted, 99));
        if (ready.isEmpty() && elapsed < SECONDS) {
            System.out.println(
                    "note: every prepared batch was sent before the time ran out; raise -Dbench.scanAssets for a longer run");
        }
        return rate;
    }

    static List<String[]> registerWithTags(
            HttpClient http, String base, String clerk, String contract, int n) {
        StringBuilder body = new StringBuilder("{\"assets\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"kind\":\"DOCUMENT\",\"title\":\"調査票 ")
                    .append(i)
                    .append("\",\"sensitivity\":\"PERSONAL_DATA\"}");
        }
        var r =
                post(
                        http,
                        base + "/api/v1/contracts/" + contract + "/assets",
                        clerk,
                        body.append("]}").toString());
        List<String[]> out = new ArrayList<>();
        var m =
                java.util.regex.Pattern.compile(
                                "\"id\":\"([0-9a-f-]{36})\",\"tag\":\"([A-Z0-9./-]+)\"")
                        .matcher(r.body());
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        if (out.size() != n) {
            throw new IllegalStateException(
                    "registered " + out.size() + " of " + n + ": " + r.statusCode());
        }
        return out;
    }

    interface Task {
        void run(String item) throws Exception;
    }

    static void runConcurrently(int threads, List<String> items, Task task)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var queue = new ConcurrentLinkedQueue<>(items);
        for (int i = 0; i < threads; i++) {
            pool.submit(
                    () -> {
                        String item;
                        while ((item = queue.poll()) != null) {
                            task.run(item);
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    static double pgbench(DatabaseCoordinates pg, int assets)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("confirm", ".sql");
        // the same work a confirmation does to the database: lock the asset, read its head, update
        // it, append the event
        Files.writeString(
                script,
                """
                \\set n random(1, %d)
                BEGIN;
                SELECT id, last_seq, last_hash FROM asset WHERE id = (SELECT id FROM bench_asset WHERE n = :n) FOR UPDATE;
                UPDATE asset SET custody_state = 'WITH_CONTRACTOR', last_seq = last_seq + 1,
                       last_hash = sha256(coalesce(last_hash, '\\x00'::bytea)) WHERE id = (SELECT id FROM bench_asset WHERE n = :n);
                INSERT INTO custody_event (asset_id, seq, id, contract_id, type, occurred_at, prev_hash, hash)
                SELECT id, last_seq, gen_random_uuid(), contract_id, 'ISSUED', now(), '\\x00'::bytea, last_hash
                  FROM asset WHERE id = (SELECT id FROM bench_asset WHERE n = :n);
                END;
                """
                        .formatted(assets));
        psql(
                pg,
                "CREATE TABLE bench_asset AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM asset; "
                        + "ALTER TABLE bench_asset ADD PRIMARY KEY (n);");
        var pb =
                new ProcessBuilder(
                                "pgbench",
                                "-h",
                                pg.host(),
                                "-p",
                                String.valueOf(pg.port()),
                                "-U",
                                "postgres",
                                "-n",
                                "-M",
                                "prepared",
                                "-r",
                                "-c",
                                String.valueOf(CLIENTS),
                                "-j",
                                "2",
                                "-T",
                                String.valueOf(SECONDS),
                                "-f",
                                script.toString(),
                                pg.database())
                        .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", superuserPassword());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        var m = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (System.getProperty("bench.pgbench.report") != null) {
            System.out.println(out);
        }
        if (!m.find()) {
            throw new IllegalStateException("pgbench did not report tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * -Dbench.statements=1: PostgreSQL's own account of each measured phase (pg_stat_statements),
     * top statements.
     */
    static final boolean STATEMENTS = System.getProperty("bench.statements") != null;

    static void statementsReset(DatabaseCoordinates pg) throws IOException, InterruptedException {
        if (STATEMENTS) {
            psql(pg, "SELECT pg_stat_statements_reset()");
        }
    }

    static void statementsReport(DatabaseCoordinates pg, String phase)
            throws IOException, InterruptedException {
        if (STATEMENTS) {
            System.out.println("PostgreSQL's time in the " + phase + " phase, by statement (ms):");
            psql(
                    pg,
                    """
                    SELECT calls, plans, round(total_plan_time::numeric, 0) AS plan_total, round(total_exec_time::numeric, 0) AS exec_total,
                           round(mean_exec_time::numeric, 3) AS exec_mean, rows,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
                      FROM pg_stat_statements ORDER BY total_plan_time + total_exec_time DESC LIMIT 15""");
        }
    }

    /** pgbench and psql connect as the embedded server's superuser, with its password. */
    static String superuserPassword() {
        return EmbeddedDatabase.credentials().superuserPassword();
    }

    static void psql(DatabaseCoordinates pg, String sql) throws IOException, InterruptedException {
        var pb =
                new ProcessBuilder(
                                "psql",
                                "-q",
                                "-h",
                                pg.host(),
                                "-p",
                                String.valueOf(pg.port()),
                                "-U",
                                "postgres",
                                "-d",
                                pg.database(),
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-P",
                                "pager=off",
                                "-c",
                                sql)
                        .inheritIO();
        pb.environment().put("PGPASSWORD", superuserPassword());
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + sql);
        }
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0
                ? 0
                : sorted[
                                Math.min(
                                        sorted.length - 1,
                                        (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
                        / 1e6;
    }

    static List<String> register(
            HttpClient http, String base, String clerk, String contract, int n) {
        StringBuilder body = new StringBuilder("{\"assets\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"kind\":\"RECORDING_MEDIA\",\"title\":\"調査データ USBメモリ ")
                    .append(i)
                    .append("\",\"sensitivity\":\"PERSONAL_DATA\"}");
        }
        var r =
                post(
                        http,
                        base + "/api/v1/contracts/" + contract + "/assets",
                        clerk,
                        body.append("]}").toString());
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static UUID party(DatabaseClient db, String name, String kind) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO party (id, name, kind) VALUES (:id, :n, :k)")
                .bind("id", id)
                .bind("n", name)
                .bind("k", kind)
                .then()
                .block();
        return id;
    }

    static String token(DatabaseClient db, AccessTokens tokens, Role role, UUID party) {
        UUID id = UUID.randomUUID();
        String username = "bench-" + role.name().toLowerCase();
        db.sql(
                        "INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) VALUES (:id, :u, :u, :p, :r, 'x')")
                .bind("id", id)
                .bind("u", username)
                .bind("p", party)
                .bind("r", role.name())
                .then()
                .block();
        return tokens.issue(new Actor(id, username, role, party)).block();
    }

    static HttpResponse<String> post(HttpClient http, String uri, String token, String json) {
        return send(
                http,
                HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    static HttpResponse<String> get(HttpClient http, String uri, String token) {
        return send(
                http,
                HttpRequest.newBuilder(URI.create(uri))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private ConfirmationBenchmark() {}
}
