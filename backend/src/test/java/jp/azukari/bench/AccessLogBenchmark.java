package jp.azukari.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.azukari.AzukariApplication;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Art. 2.1's cost: p50/p99 of {@code GET /api/v1/assets/{id}} by a custodian from 32 clients,
 * against two backends on the same PostgreSQL in the same run, one with the access log ({@code
 * azukari.access-log.enabled=true}) and one without. Rounds alternate between the two so that drift
 * of a shared machine hits both alike. Prints the figures and fails (exit 1) when a read went
 * unrecorded or was answered with an error. Not a test: see the README.
 */
public final class AccessLogBenchmark {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final int ASSETS = Integer.getInteger("bench.assets", QUICK ? 200 : 2000);
    static final int ROUND_SECONDS = Integer.getInteger("bench.seconds", QUICK ? 4 : 15);
    static final int ROUNDS = Integer.getInteger("bench.rounds", QUICK ? 2 : 4);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", QUICK ? 4 : 20);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("azukari-access-bench");
        DatabaseCoordinates pg = EmbeddedDatabase.start(dir.resolve("pg"), 0, Map.of());
        ConfigurableApplicationContext off = start(pg, false);
        ConfigurableApplicationContext on = start(pg, true);
        int exit = 0;
        try {
            exit = run(off, on);
        } finally {
            on.close();
            off.close();
        }
        System.exit(exit);
    }

    static ConfigurableApplicationContext start(DatabaseCoordinates pg, boolean log) {
        System.setProperty("azukari.db.host", pg.host());
        System.setProperty("azukari.db.port", String.valueOf(pg.port()));
        System.setProperty("azukari.db.username", pg.appUser());
        System.setProperty("azukari.db.password", pg.appPassword());
        System.setProperty("azukari.db.owner-username", pg.ownerUser());
        System.setProperty("azukari.db.owner-password", pg.ownerPassword());
        System.setProperty("azukari.reminders.enabled", "false");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("azukari.auth.access-token-ttl", "2h");
        // command-line arguments outrank application.yml: the one difference between the two
        // backends
        return new SpringApplicationBuilder(AzukariApplication.class)
                .run("--server.port=0", "--azukari.access-log.enabled=" + log);
    }

    static int run(ConfigurableApplicationContext off, ConfigurableApplicationContext on)
            throws Exception {
        var db = off.getBean(DatabaseClient.class);
        var tokens = off.getBean(AccessTokens.class);
        String baseOff =
                "http://localhost:" + off.getEnvironment().getProperty("local.server.port");
        String baseOn = "http://localhost:" + on.getEnvironment().getProperty("local.server.port");
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4))
                        .build();

        UUID agency = party(db, "AGENCY");
        UUID contractor = party(db, "CONTRACTOR");
        String manager = token(db, tokens, Role.MANAGER, agency);
        String clerk = token(db, tokens, Role.CLERK, agency);
        UUID custodianId = UUID.randomUUID();
        String custodian = token(db, tokens, Role.CUSTODIAN, contractor, custodianId);
        String contract =
                field(
                        send(
                                http,
                                "POST",
                                baseOff + "/api/v1/contracts",
                                manager,
                                "{\"number\":\"ACCESS-"
                                        + UUID.randomUUID().toString().substring(0, 6)
                                        + "\",\"title\":\"閲覧記録\","
                                        + "\"contractorPartyId\":\""
                                        + contractor
                                        + "\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2030-12-31\"}"),
                        "id");
        List<String> ids = new ArrayList<>();
        for (int done = 0; done < ASSETS; done += 500) {
            StringBuilder body = new StringBuilder("{\"assets\":[");
            for (int i = 0; i < Math.min(500, ASSETS - done); i++) {
                body.append(i == 0 ? "" : ",")
                        .append(
                                "{\"kind\":\"DOCUMENT\",\"title\":\"調査票\",\"sensitivity\":\"CONFIDENTIAL\"}");
            }
            String answer =
                    send(
                            http,
                            "POST",
                            baseOff + "/api/v1/contracts/" + contract + "/assets",
                            clerk,
                            body.append("]}").toString());
            var m =
                    java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"tag\"")
                            .matcher(answer);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        // the custodian sees what its party was offered: open an ISSUE of everything (no need to
        // confirm it)
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            send(
                    http,
                    "POST",
                    baseOff + "/api/v1/transfers",
                    clerk,
                    "{\"kind\":\"ISSUE\",\"assetIds\":[\"" + String.join("\",\"", part) + "\"]}");
        }
        String[] assets = ids.toArray(String[]::new);
        System.out.printf(
                "%d assets, %d clients, rounds of %d s (quick=%s)%n",
                assets.length, CLIENTS, ROUND_SECONDS, QUICK);

        long before = count(db, custodianId);
        phase(baseOff, custodian, assets, WARMUP_SECONDS);
        long warm = phase(baseOn, custodian, assets, WARMUP_SECONDS).requests;
        List<Long> offLat = new ArrayList<>();
        List<Long> onLat = new ArrayList<>();
        long logged = warm;
        int errors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Phase a = phase(baseOff, custodian, assets, ROUND_SECONDS);
            Phase b = phase(baseOn, custodian, assets, ROUND_SECONDS);
            offLat.addAll(a.latencies);
            onLat.addAll(b.latencies);
            logged += b.requests;
            errors += a.errors + b.errors;
            System.out.printf(
                    "round %d: without log p50 %.2f ms p99 %.2f ms (%d reads) | with log p50 %.2f ms p99 %.2f ms (%d reads)%n",
                    round + 1,
                    pct(a.latencies, 50),
                    pct(a.latencies, 99),
                    a.requests,
                    pct(b.latencies, 50),
                    pct(b.latencies, 99),
                    b.requests);
        }
        double p50Off = pct(offLat, 50);
        double p99Off = pct(offLat, 99);
        double p50On = pct(onLat, 50);
        double p99On = pct(onLat, 99);
        System.out.printf(
                "WITHOUT access log: p50 %.2f ms, p99 %.2f ms, %.0f reads/s%n",
                p50Off, p99Off, offLat.size() / (double) (ROUNDS * ROUND_SECONDS));
        System.out.printf(
                "WITH access log:    p50 %.2f ms, p99 %.2f ms, %.0f reads/s%n",
                p50On, p99On, onLat.size() / (double) (ROUNDS * ROUND_SECONDS));
        System.out.printf(
                "cost: p50 %+.1f %%, p99 %+.1f %% (target < 10 %%)%n",
                100 * (p50On / p50Off - 1), 100 * (p99On / p99Off - 1));
        long recorded = count(db, custodianId) - before;
        System.out.printf(
                "entries written %d for %d answered reads with the log on%n", recorded, logged);
        if (recorded != logged || errors > 0) {
            System.out.println(
                    "FAILED: "
                            + errors
                            + " errors; "
                            + (logged - recorded)
                            + " reads not recorded");
            return 1;
        }
        return 0;
    }

    record Phase(List<Long> latencies, long requests, int errors) {}

    /** CLIENTS threads reading random assets for the given seconds; latencies in microseconds. */
    static Phase phase(String base, String token, String[] assets, int seconds)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> all = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        List<java.util.concurrent.Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(
                    pool.submit(
                            () -> {
                                List<Long> mine = new ArrayList<>();
                                while (System.nanoTime() < end) {
                                    String id =
                                            assets[
                                                    ThreadLocalRandom.current()
                                                            .nextInt(assets.length)];
                                    var req =
                                            HttpRequest.newBuilder(
                                                            URI.create(
                                                                    base + "/api/v1/assets/" + id))
                                                    .header("Authorization", "Bearer " + token)
                                                    .header("X-Device-Id", "bench")
                                                    .GET()
                                                    .build();
                                    long t0 = System.nanoTime();
                                    var resp =
                                            http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                                    mine.add((System.nanoTime() - t0) / 1000);
                                    if (resp.statusCode() != 200) {
                                        errors.incrementAndGet();
                                    }
                                }
                                return mine;
                            }));
        }
        List<Long> lat = new ArrayList<>();
        for (var f : futures) {
            try {
                lat.addAll(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        pool.shutdown();
        return new Phase(lat, lat.size(), errors.get());
    }

    static double pct(List<Long> micros, int p) {
        long[] a = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length == 0
                ? Double.NaN
                : a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)] / 1000.0;
    }

    static long count(DatabaseClient db, UUID user) {
        return db.sql("SELECT count(*) AS n FROM asset_access WHERE user_id = :u")
                .bind("u", user)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    static UUID party(DatabaseClient db, String kind) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO party (id, name, kind) VALUES (:id, :name, :kind)")
                .bind("id", id)
                .bind("name", "bench " + kind + " " + id.toString().substring(0, 6))
                .bind("kind", kind)
                .then()
                .block();
        return id;
    }

    static String token(DatabaseClient db, AccessTokens tokens, Role role, UUID party) {
        return token(db, tokens, role, party, UUID.randomUUID());
    }

    static String token(DatabaseClient db, AccessTokens tokens, Role role, UUID party, UUID id) {
        String username = "b" + id.toString().replace("-", "").substring(0, 12);
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

    static String send(HttpClient http, String method, String url, String token, String json)
            throws Exception {
        var resp =
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + url + " → " + resp.statusCode() + ": " + resp.body());
        }
        return resp.body();
    }

    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
