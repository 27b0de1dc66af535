package jp.azukari.scanner.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.azukari.AzukariApplication;
import jp.azukari.platform.db.DatabaseCoordinates;
import jp.azukari.platform.db.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Azukari backend, started in this JVM the way {@code ConfirmationBenchmark} does it, on a
 * real PostgreSQL: the embedded one the product itself runs (one per JVM, its data under {@code
 * target/}), so no Docker is needed.
 *
 * <p>Its settings go in as command-line arguments, not system properties, so each backend of a test
 * run has its own. {@link #stop()} closes the Spring context, so the HTTP server goes away exactly
 * as a crashed or stopped server does for the scanner; {@link #start()} brings it back on the same
 * port and the same database, so a scanner's saved server address stays valid.
 */
final class Backend implements AutoCloseable {

    /**
     * The first administrator's password on a fresh database (never used by the tests, but never
     * generated either).
     */
    static final String ADMIN_PASSWORD = "e2e-admin-password-1";

    private static DatabaseCoordinates database;

    private final int port;
    private final Map<String, String> settings;
    private ConfigurableApplicationContext context;

    private Backend(int port, Map<String, String> settings) {
        this.port = port;
        this.settings = settings;
    }

    /**
     * A backend with the product's defaults, changed by {@code overrides} (e.g. a short
     * access-token lifetime).
     */
    static Backend start(Map<String, String> overrides) {
        Backend backend = new Backend(freePort(), new LinkedHashMap<>(overrides));
        backend.start();
        return backend;
    }

    synchronized void start() {
        if (context != null) {
            throw new IllegalStateException("already running");
        }
        DatabaseCoordinates db = database();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("azukari.db.host", db.host());
        all.put("azukari.db.port", String.valueOf(db.port()));
        all.put("azukari.db.name", db.database());
        all.put("azukari.db.username", db.appUser());
        all.put("azukari.db.password", db.appPassword());
        all.put("azukari.db.owner-username", db.ownerUser());
        all.put("azukari.db.owner-password", db.ownerPassword());
        all.put("azukari.bootstrap.admin-password", ADMIN_PASSWORD);
        all.put("azukari.reminders.enabled", "false");
        all.put("server.port", String.valueOf(port));
        all.put("server.shutdown", "immediate");
        all.put("logging.level.root", "WARN");
        all.put(
                "logging.level.org.springdoc",
                "ERROR"); // "the API docs are on by default", at every start
        all.put("spring.r2dbc.pool.initial-size", "2");
        all.put("spring.r2dbc.pool.max-size", "8");
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        context = SpringApplication.run(AzukariApplication.class, arguments.toArray(String[]::new));
    }

    /** Closes the HTTP server and everything behind it; the database keeps running. */
    synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    boolean running() {
        return context != null;
    }

    @Override
    public void close() {
        stop();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    <T> T bean(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("the backend is stopped");
        }
        return context.getBean(type);
    }

    /**
     * The database superuser, to look behind the application's back (and to hold row locks in the
     * way of it).
     */
    static Connection superuser() throws SQLException {
        DatabaseCoordinates db = database();
        var credentials = EmbeddedDatabase.credentials();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
                credentials.superuser(),
                credentials.superuserPassword());
    }

    /**
     * The first column of every row a query returns, as text; {@code arguments} bind to its {@code
     * ?} in order.
     */
    static List<String> query(String sql, Object... arguments) {
        try (Connection c = superuser();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                Object argument = arguments[i];
                if (argument instanceof Collection<?> many) {
                    statement.setArray(i + 1, c.createArrayOf("uuid", many.toArray()));
                } else {
                    statement.setObject(i + 1, argument);
                }
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(String sql, Object... arguments) {
        return Long.parseLong(query(sql, arguments).get(0));
    }

    private static synchronized DatabaseCoordinates database() {
        if (database == null) {
            try {
                Path target = Path.of("target").toAbsolutePath();
                Files.createDirectories(target);
                removeStoppedDatabases(target);
                database =
                        EmbeddedDatabase.start(
                                Files.createTempDirectory(target, "e2e-postgres-").resolve("data"),
                                0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    /**
     * Data folders of earlier runs whose PostgreSQL has stopped (it removes its postmaster.pid): 40
     * MB each.
     */
    private static void removeStoppedDatabases(Path target) throws IOException {
        try (var folders = Files.newDirectoryStream(target, "e2e-postgres-*")) {
            for (Path folder : folders) {
                if (!Files.exists(folder.resolve("data").resolve("postmaster.pid"))) {
                    try (var tree = Files.walk(folder)) {
                        for (Path path :
                                tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(path);
                        }
                    }
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
