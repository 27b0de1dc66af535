package jp.azukari.bench;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.azukari.AzukariApplication;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.core.ledger.BundleVerifier;
import jp.azukari.core.ledger.Digest;
import jp.azukari.core.ledger.EventEncoding;
import jp.azukari.core.ledger.LedgerEvent;
import jp.azukari.ledger.DigestService;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Issue 13, acceptance 6: full ledger verification in events per second, taking a digest, verifying
 * it against the live ledger, and the inspection bundle of the largest contract (time, peak live
 * heap), on 1,000,000 assets with 5,000,000 valid chained events (the overdue benchmark's shape,
 * hashed for real with the core encoding). {@code -Dbench.quick=true}: 20,000 assets, 100,000
 * events, a 2,000-asset contract, under a minute. Not a test: run it by hand (README, Benchmarks).
 * Data is kept in {@code target/inspection-benchmark[-quick]} for the next run.
 */
public final class InspectionBenchmark {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int ASSETS = QUICK ? 20_000 : 1_000_000;
    static final int LARGE = QUICK ? 500 : 100_000;
    static final int CONTRACTS = QUICK ? 20 : 2_000;
    static final int EVENTS_PER_ASSET = 5;
    static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CONTRACTOR = UUID.fromString("10000000-0000-0000-0000-000000000001");
    static final UUID MANAGER = UUID.fromString("30000000-0000-0000-0000-000000000001");
    static final String[] TYPES = {
        "REGISTERED", "TRANSFER_OPENED", "ISSUED", "TRANSFER_OPENED", "RETURNED"
    };

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static UUID contract(int j) {
        return UUID.fromString(String.format("40000000-0000-0000-0000-%012d", j));
    }

    private static void run() throws Exception {
        Path dir =
                Path.of(QUICK ? "target/inspection-benchmark-quick" : "target/inspection-benchmark")
                        .toAbsolutePath();
        Files.createDirectories(dir);
        DatabaseCoordinates db = EmbeddedDatabase.start(dir.resolve("pgdata"), 0);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", db.appUser()))
                .load()
                .migrate();
        try (Connection c =
                DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            generate(c);
        }
        // command-line arguments, so they win over application.yml (a random port, never 8080)
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(AzukariApplication.class)
                        .run(
                                "--azukari.db.host=" + db.host(),
                                "--azukari.db.port=" + db.port(),
                                "--azukari.db.name=" + db.database(),
                                "--azukari.db.username=" + db.appUser(),
                                "--azukari.db.password=" + db.appPassword(),
                                "--azukari.db.owner-username=" + db.ownerUser(),
                                "--azukari.db.owner-password=" + db.ownerPassword(),
                                "--server.port=0",
                                "--azukari.bootstrap.enabled=false",
                                "--azukari.reminders.enabled=false",
                                "--logging.level.root=WARN")) {
            Actor manager = new Actor(MANAGER, "bench.manager", Role.MANAGER, AGENCY);
            LedgerVerifier verifier = app.getBean(LedgerVerifier.class);
            DigestService digests = app.getBean(DigestService.class);
            long events = (long) ASSETS * EVENTS_PER_ASSET;

            verifier.verify(contract(2)).block(); // warm-up
            long t0 = System.nanoTime();
            LedgerVerifier.Report report = verifier.verify(null).block(Duration.ofMinutes(30));
            double s = (System.nanoTime() - t0) / 1e9;
            check(
                    report.verified() && report.eventsChecked() == events,
                    "full verification: "
                            + report.eventsChecked()
                            + " events, verified "
                            + report.verified());
            System.out.printf(
                    "%nfull verification: %,d events in %,d chains in %.2f s = %,.0f events/s (target >= 500,000/s)%n",
                    report.eventsChecked(), report.assetsChecked(), s, report.eventsChecked() / s);

            digests.take(manager, contract(2)).block(); // warm-up
            t0 = System.nanoTime();
            Digest digest = digests.take(manager, null).block(Duration.ofMinutes(5));
            s = (System.nanoTime() - t0) / 1e9;
            check(
                    digest.chains() == ASSETS && digest.events() == events,
                    "digest covers " + digest.chains() + " chains");
            System.out.printf(
                    "taking a digest of %,d chains (%,d events): %.2f s (target <= 5 s), fingerprint %s%n",
                    digest.chains(), digest.events(), s, digest.fingerprint());

            Map<String, String> fields = new HashMap<>();
            digest.fields().forEach((k, v) -> fields.put(k, v == null ? null : v.toString()));
            t0 = System.nanoTime();
            DigestService.Verification v =
                    digests.verify(manager, fields).block(Duration.ofMinutes(30));
            s = (System.nanoTime() - t0) / 1e9;
            check(
                    v.holds() && v.eventsChecked() == events,
                    "digest verification holds " + v.holds());
            System.out.printf(
                    "verifying the digest against the live ledger: %,d events in %.2f s = %,.0f events/s%n",
                    v.eventsChecked(), s, v.eventsChecked() / s);

            bundle(app, manager, dir);
        }
    }

    private static void bundle(ConfigurableApplicationContext app, Actor manager, Path dir)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String token = app.getBean(AccessTokens.class).issue(manager).block();
        WebClient http =
                WebClient.builder()
                        .baseUrl("http://localhost:" + port)
                        .defaultHeader("Authorization", "Bearer " + token)
                        .build();
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong maxLive = new AtomicLong();
        // live heap = what the heap pools hold right after their last collection; a full GC only
        // every 5 s (one every 200 ms stopped the server so often that it measured the GCs)
        Thread sampler =
                new Thread(
                        () -> {
                            long n = 0;
                            while (!Thread.currentThread().isInterrupted()) {
                                if (++n % 25 == 0) {
                                    System.gc();
                                }
                                long live = 0;
                                for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                                    var after = pool.getCollectionUsage();
                                    if (pool.getType() == java.lang.management.MemoryType.HEAP
                                            && after != null) {
                                        live += after.getUsed();
                                    }
                                }
                                maxLive.accumulateAndGet(live, Math::max);
                                try {
                                    Thread.sleep(200);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        Path file = dir.resolve("bundle.zip");
        Files.deleteIfExists(file);
        sampler.start();
        long t0 = System.nanoTime();
        var body =
                http.get()
                        .uri("/api/v1/contracts/{id}/inspection", contract(1))
                        .retrieve()
                        .bodyToFlux(DataBuffer.class);
        DataBufferUtils.write(body, file).block(Duration.ofMinutes(30));
        double s = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf(
                "inspection bundle of a %,d-asset contract: %,d bytes in %.2f s; live heap before %,d MB, highest while"
                        + " streaming %,d MB (heap after collections)%n",
                LARGE, Files.size(file), s, baseline >> 20, maxLive.get() >> 20);
        t0 = System.nanoTime();
        BundleVerifier.Result r = BundleVerifier.verify(file, null);
        check(
                r.holds(),
                "the bundle verifies offline: "
                        + r.checks().stream().filter(c -> !c.holds()).toList());
        System.out.printf(
                "offline verification of that bundle: %.2f s, %d checks hold%n",
                (System.nanoTime() - t0) / 1e9, r.checks().size());
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("invariant broken: " + what);
        }
    }

    // ---------------------------------------------------------------- data: real chains, hashed
    // with the core encoding

    private static void generate(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM asset");
            rs.next();
            if (rs.getLong(1) >= ASSETS) {
                System.out.printf("data set already there (%,d assets)%n", rs.getLong(1));
                return;
            }
            s.execute("SET synchronous_commit = off");
            s.execute(
                    """
                    INSERT INTO party (id, name, kind) VALUES ('%s', 'Bench Agency 発注機関', 'AGENCY'), ('%s', 'Bench Contractor 受注者', 'CONTRACTOR');
                    INSERT INTO app_user (id, username, display_name, party_id, role, password_hash)
                    VALUES ('%s', 'bench.manager', 'Bench Manager', '%s', 'MANAGER', 'not-a-login');
                    INSERT INTO contract (id, number, title, agency_party_id, contractor_party_id, starts_on, ends_on, return_due_on)
                    SELECT ('40000000-0000-0000-0000-' || lpad(j::text, 12, '0'))::uuid, 'BENCH-' || lpad(j::text, 4, '0'),
                           'ベンチマーク契約 ' || j, '%s', '%s', date '2025-04-01', date '2026-03-31', date '2026-03-31'
                      FROM generate_series(1, %d) j;
                    """
                            .formatted(
                                    AGENCY,
                                    CONTRACTOR,
                                    MANAGER,
                                    AGENCY,
                                    AGENCY,
                                    CONTRACTOR,
                                    CONTRACTS));
        }
        long t0 = System.nanoTime();
        // several connections at once, each hashing and copying its own range of assets
        int workers = Integer.getInteger("bench.generators", 4);
        int per = (ASSETS + workers - 1) / workers;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int w = 0; w < workers; w++) {
            int first = 1 + w * per;
            int last = Math.min(ASSETS, first + per - 1);
            done.add(
                    pool.submit(
                            () -> {
                                try (Connection g =
                                        DriverManager.getConnection(
                                                c.getMetaData().getURL(),
                                                c.getMetaData().getUserName(),
                                                "")) {
                                    try (Statement st = g.createStatement()) {
                                        st.execute("SET synchronous_commit = off");
                                    }
                                    generate(g, first, last);
                                }
                                return null;
                            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf(
                "generated %,d assets and %,d chained events in %.1f s%n",
                ASSETS, (long) ASSETS * EVENTS_PER_ASSET, (System.nanoTime() - t0) / 1e9);
    }

    /** Assets {@code first} to {@code last} with their chains, hashed with the core encoding. */
    private static void generate(Connection c, int first, int last) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        HexFormat hex = HexFormat.of();
        int batch = 20_000;
        for (int from = first; from <= last; from += batch) {
            StringBuilder assets = new StringBuilder();
            StringBuilder events = new StringBuilder();
            for (int i = from; i < Math.min(last + 1, from + batch); i++) {
                UUID asset = UUID.nameUUIDFromBytes(("asset" + i).getBytes());
                UUID contract = contract(i <= LARGE ? 1 : 2 + i % (CONTRACTS - 1));
                byte[] prev = EventEncoding.GENESIS;
                for (int seq = 1; seq <= EVENTS_PER_ASSET; seq++) {
                    UUID from2 = seq == 1 ? null : (seq == 5 ? CONTRACTOR : AGENCY);
                    UUID to = seq == 1 ? AGENCY : (seq == 5 ? AGENCY : CONTRACTOR);
                    Instant at =
                            Instant.parse("2025-04-01T00:00:00Z")
                                    .plusSeconds(seq * 604_800L + i % 86_400);
                    LedgerEvent e =
                            new LedgerEvent(
                                    asset,
                                    seq,
                                    UUID.nameUUIDFromBytes(("event" + i + "/" + seq).getBytes()),
                                    contract,
                                    TYPES[seq - 1],
                                    from2,
                                    to,
                                    MANAGER,
                                    null,
                                    null,
                                    at,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    "benchmark",
                                    prev,
                                    null);
                    byte[] h = EventEncoding.hash(prev, e);
                    events.append(asset)
                            .append('\t')
                            .append(seq)
                            .append('\t')
                            .append(e.id())
                            .append('\t')
                            .append(contract)
                            .append('\t')
                            .append(e.type())
                            .append('\t')
                            .append(from2 == null ? "\\N" : from2)
                            .append('\t')
                            .append(to)
                            .append('\t')
                            .append(MANAGER)
                            .append('\t')
                            .append(at)
                            .append("\tbenchmark\t\\\\x")
                            .append(hex.formatHex(prev))
                            .append("\t\\\\x")
                            .append(hex.formatHex(h))
                            .append('\n');
                    prev = h;
                }
                assets.append(asset)
                        .append('\t')
                        .append(String.format("B-%07d", i))
                        .append('\t')
                        .append(contract)
                        .append("\tDOCUMENT\t調査資料 第")
                        .append(i)
                        .append("号\tCONFIDENTIAL\tRETURNED\t")
                        .append(AGENCY)
                        .append('\t')
                        .append(EVENTS_PER_ASSET)
                        .append("\t\\\\x")
                        .append(hex.formatHex(prev))
                        .append('\n');
            }
            copy.copyIn(
                    "COPY asset (id, tag, contract_id, kind, title, sensitivity, custody_state, holder_party_id, last_seq, last_hash)"
                            + " FROM STDIN",
                    new StringReader(assets.toString()));
            copy.copyIn(
                    "COPY custody_event (asset_id, seq, id, contract_id, type, from_party_id, to_party_id, actor_user_id,"
                            + " occurred_at, note, prev_hash, hash) FROM STDIN",
                    new StringReader(events.toString()));
        }
    }

    private InspectionBenchmark() {}
}
