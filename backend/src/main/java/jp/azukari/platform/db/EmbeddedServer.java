package jp.azukari.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL on a data folder of ours, reachable with a password only. On a folder's
 * first start (or the first start of a folder an older version made), it generates the passwords,
 * keeps them in the folder and sets up the owner and application roles and the database as the
 * superuser; later starts never use the superuser.
 */
public final class EmbeddedServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final DatabaseCoordinates coordinates;

    private EmbeddedServer(EmbeddedPostgres pg, Path dataDir, DatabaseCoordinates coordinates) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.coordinates = coordinates;
    }

    public static EmbeddedServer start(Path dataDir, int port, Map<String, String> serverConfig)
            throws IOException {
        Path data = dataDir.toAbsolutePath();
        Files.createDirectories(data.getParent());
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        var kept =
                fresh
                        ? java.util.Optional.<EmbeddedCredentials>empty()
                        : EmbeddedCredentials.read(data);
        EmbeddedCredentials credentials = kept.orElseGet(EmbeddedCredentials::generate);
        if (!fresh && kept.isEmpty()) {
            log.warn(
                    "The embedded PostgreSQL in {} trusted every local connection; it now needs"
                            + " passwords, generated into {}",
                    data,
                    EmbeddedCredentials.FILE_NAME);
        }
        Path pwfile =
                fresh
                        ? EmbeddedAccess.initdbPasswordFile(data, credentials.superuserPassword())
                        : null;
        EmbeddedPostgres pg;
        try {
            var builder =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setServerConfig("max_connections", "200")
                            .setServerConfig("timezone", "UTC")
                            .setServerConfig("listen_addresses", EmbeddedDatabase.HOST)
                            // no Unix socket: TCP on loopback is the one way in
                            .setServerConfig("unix_socket_directories", "")
                            .setServerConfig("password_encryption", "scram-sha-256")
                            .setDataDirectoryCustomizer(
                                    dir ->
                                            EmbeddedAccess.lockDown(
                                                    dir.toPath(), credentials, fresh));
            if (fresh) {
                // zonky passes these to initdb as --auth=… --pwfile=…, after its own -A trust
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwfile.toString());
            }
            // zonky's readiness check connects too: as the superuser while setting up, else as
            // the application
            builder.setConnectConfig(
                            "user",
                            credentials.ready() ? credentials.app() : credentials.superuser())
                    .setConnectConfig(
                            "password",
                            credentials.ready()
                                    ? credentials.appPassword()
                                    : credentials.superuserPassword());
            serverConfig.forEach(builder::setServerConfig);
            pg = builder.start();
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
        try {
            String jdbcBase =
                    "jdbc:postgresql://" + EmbeddedDatabase.HOST + ":" + pg.getPort() + "/";
            if (!credentials.ready()) {
                setUp(jdbcBase, credentials);
            }
            credentials.asReady().onPort(pg.getPort()).write(data);
        } catch (RuntimeException | SQLException e) {
            pg.close();
            throw new IllegalStateException(
                    "Could not prepare the embedded PostgreSQL in " + data, e);
        }
        log.info(
                "Embedded PostgreSQL running on {}:{} with data in {}",
                EmbeddedDatabase.HOST,
                pg.getPort(),
                data);
        return new EmbeddedServer(
                pg,
                data,
                new DatabaseCoordinates(
                        EmbeddedDatabase.HOST,
                        pg.getPort(),
                        EmbeddedDatabase.DATABASE,
                        credentials.app(),
                        credentials.appPassword(),
                        credentials.owner(),
                        credentials.ownerPassword()));
    }

    /** Roles with their passwords, the database, and what PUBLIC may not do; all idempotent. */
    private static void setUp(String jdbcBase, EmbeddedCredentials credentials)
            throws SQLException {
        try (Connection c =
                        DriverManager.getConnection(
                                jdbcBase + "postgres",
                                credentials.superuser(),
                                credentials.superuserPassword());
                Statement s = c.createStatement()) {
            role(c, s, credentials.owner(), credentials.ownerPassword());
            role(c, s, credentials.app(), credentials.appPassword());
            var rs =
                    s.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '"
                                    + EmbeddedDatabase.DATABASE
                                    + "'");
            if (!rs.next()) {
                s.execute(
                        "CREATE DATABASE "
                                + EmbeddedDatabase.DATABASE
                                + " OWNER "
                                + credentials.owner()
                                + " ENCODING 'UTF8' TEMPLATE template0");
            }
            s.execute("REVOKE ALL ON DATABASE " + EmbeddedDatabase.DATABASE + " FROM PUBLIC");
            s.execute(
                    "GRANT CONNECT ON DATABASE "
                            + EmbeddedDatabase.DATABASE
                            + " TO "
                            + credentials.app());
        }
        try (Connection c =
                        DriverManager.getConnection(
                                jdbcBase + EmbeddedDatabase.DATABASE,
                                credentials.owner(),
                                credentials.ownerPassword());
                Statement s = c.createStatement()) {
            // PostgreSQL 15+ no longer lets PUBLIC create in public; say it explicitly anyway
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
    }

    /**
     * A login role with no power beyond its grants, and its password sent as a SCRAM verifier (the
     * password itself never reaches the server).
     */
    private static void role(Connection c, Statement s, String role, String password)
            throws SQLException {
        var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
        if (!rs.next()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
        }
        s.execute(
                "ALTER ROLE "
                        + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        c.unwrap(PGConnection.class)
                .alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    public DatabaseCoordinates coordinates() {
        return coordinates;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
