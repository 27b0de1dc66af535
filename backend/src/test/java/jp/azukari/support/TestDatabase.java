package jp.azukari.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL per test JVM: a Testcontainers PostgreSQL 16 where a Docker engine answers,
 * else the embedded PostgreSQL the product itself uses (zonky binaries, in a temporary folder).
 *
 * <p>It is handed to the application through system properties, read before any Spring context
 * starts.
 */
public final class TestDatabase {

    private static String superuserJdbcUrl;
    private static String superuser;
    private static String superuserPassword;
    private static String mode;

    private TestDatabase() {}

    public static synchronized void start() {
        if (mode != null) {
            return;
        }
        try {
            if (!"embedded".equals(System.getenv("AZUKARI_TEST_DB")) && dockerAvailable()) {
                startContainer();
            } else {
                startEmbedded();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static void startContainer() throws SQLException {
        var pg = new PostgreSQLContainer("postgres:16-alpine");
        pg.start();
        superuser = pg.getUsername();
        superuserPassword = pg.getPassword();
        String base = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/";
        try (Connection c =
                        DriverManager.getConnection(
                                base + pg.getDatabaseName(), superuser, superuserPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE azukari_owner LOGIN PASSWORD 'owner-test'");
            s.execute("CREATE ROLE azukari_app LOGIN PASSWORD 'app-test'");
            s.execute("CREATE DATABASE azukari OWNER azukari_owner");
        }
        superuserJdbcUrl = base + "azukari";
        System.setProperty("azukari.db.host", pg.getHost());
        System.setProperty("azukari.db.port", String.valueOf(pg.getMappedPort(5432)));
        System.setProperty("azukari.db.name", "azukari");
        System.setProperty("azukari.db.username", "azukari_app");
        System.setProperty("azukari.db.password", "app-test");
        System.setProperty("azukari.db.owner-username", "azukari_owner");
        System.setProperty("azukari.db.owner-password", "owner-test");
        mode = "testcontainers";
    }

    private static void startEmbedded() throws Exception {
        Path dir = Files.createTempDirectory("azukari-test-pg");
        var coordinates = jp.azukari.platform.db.EmbeddedDatabase.start(dir.resolve("pgdata"), 0);
        // the embedded server takes passwords only; the superuser's is in its credentials file
        var credentials = jp.azukari.platform.db.EmbeddedDatabase.credentials();
        superuserJdbcUrl = coordinates.jdbcUrl();
        superuser = credentials.superuser();
        superuserPassword = credentials.superuserPassword();
        System.setProperty("azukari.db.host", coordinates.host());
        System.setProperty("azukari.db.port", String.valueOf(coordinates.port()));
        System.setProperty("azukari.db.name", coordinates.database());
        System.setProperty("azukari.db.username", coordinates.appUser());
        System.setProperty("azukari.db.password", coordinates.appPassword());
        System.setProperty("azukari.db.owner-username", coordinates.ownerUser());
        System.setProperty("azukari.db.owner-password", coordinates.ownerPassword());
        mode = "embedded";
    }

    /** A connection as the database superuser: for tests that act behind the application's back. */
    public static Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(superuserJdbcUrl, superuser, superuserPassword);
    }

    /** A connection as the application's own role, to prove what that role may not do. */
    public static Connection applicationRoleConnection() throws SQLException {
        return DriverManager.getConnection(
                superuserJdbcUrl,
                System.getProperty("azukari.db.username"),
                System.getProperty("azukari.db.password"));
    }

    public static String mode() {
        return mode;
    }
}
