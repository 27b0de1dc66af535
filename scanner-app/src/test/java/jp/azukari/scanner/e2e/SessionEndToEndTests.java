package jp.azukari.scanner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.scanner.client.CredentialStore;
import jp.azukari.scanner.client.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logging in and staying logged in, against the real backend's /auth endpoints, with access tokens
 * that live two seconds so that they really expire between two runs of the scanner; and looking
 * assets up. This backend prints its labels in the URL form.
 */
class SessionEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Labels print the URL form here, so a phone camera would open the asset's page; the scanner
     * sends the canonical form.
     */
    private static final String BASE_URL = "https://azukari.example.jp";

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend =
                Backend.start(
                        Map.of(
                                "azukari.auth.access-token-ttl",
                                "2s",
                                "azukari.labels.base-url",
                                BASE_URL));
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @TempDir Path dir;

    @Test
    void loginWithTheRightPasswordKeepsTheSessionOwnerOnlyAndAWrongOneIsRefused() throws Exception {
        Agency agency = new Agency(backend);
        String user = agency.custodian.username();

        Scanner.Result wrong =
                new Scanner(dir.resolve("home"))
                        .password("not-the-password")
                        .run("login", "--server", backend.url() + "/", "--user", user);

        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(4);
        assertThat(wrong.out()).contains("login refused");
        assertThat(store().load()).isEmpty();

        Instant before = Instant.now();
        Scanner.Result right =
                new Scanner(dir.resolve("home"))
                        .password(agency.custodianPassword)
                        .run("login", "--server", backend.url() + "/", "--user", user);

        assertThat(right.exit()).as(right.toString()).isZero();
        assertThat(right.out()).contains("logged in to " + backend.url() + " as " + user);
        Credentials saved = store().load().orElseThrow();
        assertThat(saved.server()).isEqualTo(backend.url());
        assertThat(saved.username()).isEqualTo(user);
        assertThat(saved.accessToken()).isNotBlank();
        assertThat(saved.refreshToken()).isNotBlank();
        assertThat(saved.accessExpiresAt())
                .isBetween(before.plusSeconds(1), Instant.now().plusSeconds(3)); // a 2 s token
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file())))
                .isEqualTo("rw-------");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilentlyAndLookupShowsEachAssetAndItsHolder()
            throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(2);
        UUID issue = agency.issue(assets);
        agency.confirmByApi(issue, assets);
        Path photo = Photos.of(agency, assets, 2, dir.resolve("photos")).get(0);
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();
        Credentials first = store().load().orElseThrow();
        awaitExpiry();

        // The saved token has expired, and the scanner knows it: it refreshes before it asks.
        Scanner.Result lookup = scanner.run("lookup", photo.toString());

        assertThat(lookup.exit()).as(lookup.toString()).isZero();
        for (Agency.Asset asset : assets) {
            assertThat(lookup.out())
                    .contains(
                            "✓ "
                                    + asset.tag()
                                    + "  found — "
                                    + asset.title()
                                    + " — held by "
                                    + agency.contractorName
                                    + "  ["
                                    + photo
                                    + "]");
        }
        assertThat(lookup.out())
                .endsWith("2 succeeded, 0 failed, 0 queued\n")
                .doesNotContain("log in");
        Credentials second = store().load().orElseThrow();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());

        // The token has expired again, but the scanner believes it is still good: the server
        // refuses it (401), the
        // scanner refreshes and asks again.
        store().save(
                        new Credentials(
                                second.server(),
                                second.username(),
                                second.accessToken(),
                                second.refreshToken(),
                                Instant.now().plusSeconds(3600)));
        awaitExpiry();

        Scanner.Result again = scanner.run("lookup", photo.toString());

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).endsWith("2 succeeded, 0 failed, 0 queued\n");
        Credentials third = store().load().orElseThrow();
        assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
        assertThat(
                        Backend.query(
                                "SELECT result FROM scan WHERE user_id = ? AND purpose = 'LOOKUP'",
                                agency.custodian.userId()))
                .hasSize(4)
                .containsOnly("FOUND");
    }

    @Test
    void whenTheRefreshIsRefusedTheScansWaitForTheNextLoginWhichDeliversThem() throws Exception {
        Agency agency = new Agency(backend);
        List<Agency.Asset> assets = agency.register(3);
        UUID issue = agency.issue(assets);
        Path photo = Photos.of(agency, assets, 3, dir.resolve("photos")).get(0);
        Scanner scanner = new Scanner(dir.resolve("home")).password(agency.custodianPassword);
        assertThat(
                        scanner.run(
                                        "login",
                                        "--server",
                                        backend.url(),
                                        "--user",
                                        agency.custodian.username())
                                .exit())
                .isZero();
        Credentials first = store().load().orElseThrow();
        awaitExpiry();
        assertThat(scanner.run("lookup", photo.toString()).exit()).isZero();
        Credentials rotated = store().load().orElseThrow();
        assertThat(rotated.refreshToken()).isNotEqualTo(first.refreshToken());
        // A copy of the old session comes back (a restored backup, a second machine): its refresh
        // token is spent, and
        // using it makes the server revoke the whole session.
        store().save(first);

        Scanner.Result refused =
                scanner.run(
                        "confirm",
                        issue.toString(),
                        photo.toString(),
                        "--acknowledge-handling",
                        "--json");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.json("note"))
                .anyMatch(note -> note.path("note").asString().equals("LOGIN_NEEDED"));
        assertThat(refused.json("scan"))
                .hasSize(3)
                .allMatch(scan -> scan.get("mark").asString().equals("QUEUED"));
        for (Agency.Asset asset : assets) {
            String printed = agency.payload(asset);
            assertThat(printed).startsWith("HTTPS://AZUKARI.EXAMPLE.JP/L/AZ1:");
            assertThat(refused.json("scan"))
                    .filteredOn(scan -> printed.endsWith("/L/" + scan.get("payload").asString()))
                    .hasSize(1);
        }
        assertThat(Backend.count("SELECT count(*) FROM scan WHERE transfer_id = ?", issue))
                .isZero();

        Scanner.Result login =
                scanner.run(
                        "login", "--server", backend.url(), "--user", agency.custodian.username());

        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("3 succeeded, 0 failed, 0 queued");
        assertThat(agency.transfer(issue).get("status").asString()).isEqualTo("COMPLETED");
    }

    private CredentialStore store() {
        return new CredentialStore(dir.resolve("home"), JSON);
    }

    /** Two-second tokens, and JWT expiry has whole seconds. */
    private static void awaitExpiry() throws InterruptedException {
        Thread.sleep(3100);
    }
}
