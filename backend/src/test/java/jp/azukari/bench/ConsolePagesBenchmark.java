package jp.azukari.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.azukari.AzukariApplication;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Server time of the console's counter pages with 100,000 assets in the database: p50/p95 per page
 * over HTTP with a signed-in session cookie (target p95 ≤ 100 ms). The data is loaded in SQL; the
 * application runs in this JVM. {@code -Dbench.quick=true}: fewer rounds (under a minute once the
 * data exists), same figures and checks.
 *
 * <pre>
 * ./mvnw -q -B -pl backend test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=jp.azukari.bench.ConsolePagesBenchmark
 * </pre>
 */
public final class ConsolePagesBenchmark {

    static final int ASSETS = 100_000;
    static final UUID AGENCY = UUID.fromString("c0000000-0000-0000-0000-000000000001");
    static final UUID CONTRACTOR = UUID.fromString("c0000000-0000-0000-0000-000000000002");
    static final UUID CONTRACT = UUID.fromString("c4000000-0000-0000-0000-000000000001");
    static final String PASSWORD = "bench-console-password";
    static final UUID TRANSFER = UUID.fromString("c5000000-0000-0000-0000-000000000001");

    private ConsolePagesBenchmark() {}

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        int rounds = Integer.getInteger("bench.rounds", quick ? 30 : 200);
        Path dir = Path.of(args.length > 0 ? args[0] : "target/console-benchmark").toAbsolutePath();
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
            openTransfer(c);
        }
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(AzukariApplication.class)
                        .run(
                                // command-line arguments: they outrank application.yml (server.port
                                // there reads AZUKARI_PORT)
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
            String base =
                    "http://localhost:"
                            + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http =
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String clerk = signIn(http, base, "bench.clerk");
            String custodian = signIn(http, base, "bench.custodian");
            String anAsset = one(db, "SELECT id FROM asset WHERE tag = 'C-0050000'");
            String heldAsset = one(db, "SELECT id FROM asset WHERE tag = 'C-0000010'");
            String twenty =
                    String.join(
                            "&",
                            one(
                                            db,
                                            "SELECT string_agg('asset=' || id, ',') FROM (SELECT id FROM asset ORDER BY tag LIMIT 20) a")
                                    .split(","));
            System.out.println("before: " + Uptime.now());
            System.out.printf(
                    "%n%-52s %8s %8s %8s%n",
                    "page (" + rounds + " requests each)", "p50 ms", "p95 ms", "max ms");
            List<String> over = new ArrayList<>();
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /assets (first 50 of 100,000)",
                    "/assets",
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /assets?q=<tag typed full-width lower case>",
                    "/assets?q=%EF%BD%83%EF%BC%8D%EF%BC%90%EF%BC%90%EF%BC%95%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90",
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /assets?q=<words of a title>",
                    "/assets?q=%E7%AC%AC77777%E5%8F%B7",
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /assets?contract=…&state=WITH_CONTRACTOR",
                    "/assets?contract=" + CONTRACT + "&state=WITH_CONTRACTOR",
                    rounds,
                    over);
            measure(http, base, clerk, "clerk: /assets/{id}", "/assets/" + anAsset, rounds, over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /assets/{id}/label.png",
                    "/assets/" + anAsset + "/label.png",
                    rounds,
                    over);
            measure(http, base, clerk, "clerk: /assets/new", "/assets/new", rounds, over);
            measure(http, base, clerk, "clerk: /assets/import", "/assets/import", rounds, over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /labels (20 selected, 6 previews)",
                    "/labels?" + twenty,
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /labels?contract=… (100,000 labels)",
                    "/labels?contract=" + CONTRACT,
                    rounds,
                    over);
            measure(http, base, clerk, "clerk: /transfers", "/transfers", rounds, over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /transfers/{id} (20 lines)",
                    "/transfers/" + TRANSFER,
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    clerk,
                    "clerk: /transfers/new?contract=… (1,000 to choose)",
                    "/transfers/new?contract=" + CONTRACT,
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    custodian,
                    "custodian: /custody (2,000 held)",
                    "/custody",
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    custodian,
                    "custodian: /scan?transfer=… (20 lines)",
                    "/scan?transfer=" + TRANSFER,
                    rounds,
                    over);
            measure(http, base, custodian, "custodian: /scan", "/scan", rounds, over);
            measure(
                    http,
                    base,
                    custodian,
                    "custodian: /assets/{id}",
                    "/assets/" + heldAsset,
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    custodian,
                    "custodian: /approvals/new",
                    "/approvals/new",
                    rounds,
                    over);
            measure(
                    http,
                    base,
                    custodian,
                    "custodian: /incidents/new",
                    "/incidents/new",
                    rounds,
                    over);
            measure(http, base, "", "anyone: /signin", "/signin", rounds, over);
            System.out.println("after: " + Uptime.now());
            System.out.println(
                    over.isEmpty()
                            ? "\nevery page within p95 <= 100 ms"
                            : "\np95 above 100 ms: " + String.join(", ", over));
        }
    }

    private static void measure(
            HttpClient http,
            String base,
            String cookie,
            String label,
            String path,
            int rounds,
            List<String> over)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        HttpRequest request = builder.build();
        for (int i = 0; i < Math.max(5, rounds / 5); i++) {
            check(http.send(request, HttpResponse.BodyHandlers.discarding()), path);
        }
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        double p50 = times[rounds / 2] / 1e6;
        double p95 = times[(int) Math.ceil(rounds * 0.95) - 1] / 1e6;
        System.out.printf("%-52s %8.1f %8.1f %8.1f%n", label, p50, p95, times[rounds - 1] / 1e6);
        if (p95 > 100) {
            over.add(label);
        }
    }

    private static void check(HttpResponse<?> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    /**
     * Signs in through the form, as a browser does: the pre-session cookie and its CSRF token, then
     * the session cookie.
     */
    private static String signIn(HttpClient http, String base, String username) throws Exception {
        HttpResponse<String> form =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        String pre = cookie(form, "azukari_pre");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body =
                "_csrf="
                        + java.net.URLEncoder.encode(
                                m.group(1), java.nio.charset.StandardCharsets.UTF_8)
                        + "&username="
                        + username
                        + "&password="
                        + PASSWORD
                        + "&next=/";
        HttpResponse<String> signedIn =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/signin"))
                                .header("Cookie", "azukari_pre=" + pre)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException(
                    "sign-in of " + username + " answered " + signedIn.statusCode());
        }
        return "azukari_session=" + cookie(signedIn, "azukari_session");
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    private static String one(DatabaseCoordinates db, String sql) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(
                                db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * An open ISSUE of 20 registered assets, for the transfer page and the scan station (made once,
     * like the data set).
     */
    private static void openTransfer(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    """
                    INSERT INTO transfer (id, kind, contract_id, from_party_id, to_party_id, status, started_by, started_at)
                    SELECT '%1$s', 'ISSUE', '%2$s', '%3$s', '%4$s', 'OPEN', u.id, now()
                      FROM app_user u WHERE u.username = 'bench.clerk'
                    ON CONFLICT (id) DO NOTHING;
                    INSERT INTO transfer_line (transfer_id, asset_id, line_no)
                    SELECT '%1$s', a.id, row_number() OVER (ORDER BY a.tag)
                      FROM (SELECT id, tag FROM asset WHERE custody_state = 'REGISTERED' ORDER BY tag LIMIT 20) a
                    ON CONFLICT DO NOTHING;
                    """
                            .formatted(TRANSFER, CONTRACT, AGENCY, CONTRACTOR));
        }
    }

    private static void generate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM asset");
            rs.next();
            if (rs.getLong(1) >= ASSETS) {
                System.out.printf("data set already there (%,d assets)%n", rs.getLong(1));
                return;
            }
            String hash = new BCryptPasswordEncoder(10).encode(PASSWORD);
            long t0 = System.nanoTime();
            s.execute("SET synchronous_commit = off");
            s.execute(
                    """
                    INSERT INTO party (id, name, kind) VALUES ('%1$s', 'ベンチ発注機関', 'AGENCY'), ('%2$s', 'ベンチ受託者', 'CONTRACTOR');
                    INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) VALUES
                      (gen_random_uuid(), 'bench.clerk', '窓口 太郎', '%1$s', 'CLERK', '%4$s'),
                      (gen_random_uuid(), 'bench.custodian', '受託 花子', '%2$s', 'CUSTODIAN', '%4$s');
                    INSERT INTO contract (id, number, title, agency_party_id, contractor_party_id, starts_on, ends_on, return_due_on)
                    VALUES ('%3$s', 'BENCH-C-1', 'ベンチマーク契約', '%1$s', '%2$s', current_date - 100, current_date + 200, current_date + 200);
                    """
                            .formatted(AGENCY, CONTRACTOR, CONTRACT, hash));
            // every 50th asset (2,000) is with the contractor, a tenth of those overdue; 1,000 are
            // registered, the rest returned
            s.execute(
                    """
                    INSERT INTO asset (id, tag, contract_id, kind, title, sensitivity, custody_state, holder_party_id, due_on, last_seq, last_hash)
                    SELECT md5('console' || i)::uuid, 'C-' || lpad(i::text, 7, '0'), '%3$s',
                           (ARRAY['DOCUMENT', 'DATA', 'RECORDING_MEDIA', 'EQUIPMENT', 'SOFTWARE'])[1 + i %% 5],
                           '調査資料 第' || i || '号', (ARRAY['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PERSONAL_DATA'])[1 + i %% 4],
                           CASE WHEN i %% 50 = 0 THEN 'WITH_CONTRACTOR' WHEN i %% 100 = 1 THEN 'REGISTERED' ELSE 'RETURNED' END,
                           CASE WHEN i %% 50 = 0 THEN '%2$s'::uuid ELSE '%1$s'::uuid END,
                           CASE WHEN i %% 50 = 0 THEN current_date + (i %% 200) - 20 END, 1, sha256(convert_to('console' || i, 'UTF8'))
                      FROM generate_series(1, %4$d) i;
                    INSERT INTO asset_party_access (asset_id, party_id)
                    SELECT id, '%2$s' FROM asset WHERE custody_state = 'WITH_CONTRACTOR' OR custody_state = 'RETURNED' AND tag < 'C-0000100';
                    UPDATE asset SET custody_state = 'WITH_CONTRACTOR', holder_party_id = '%2$s', due_on = current_date + 30 WHERE tag = 'C-0000010';
                    INSERT INTO asset_party_access (asset_id, party_id) SELECT id, '%2$s' FROM asset WHERE tag = 'C-0000010' ON CONFLICT DO NOTHING;
                    """
                            .formatted(AGENCY, CONTRACTOR, CONTRACT, ASSETS));
            s.execute("VACUUM ANALYZE");
            System.out.printf(
                    "generated %,d assets in %.1f s%n", ASSETS, (System.nanoTime() - t0) / 1e9);
        }
    }
}
