package jp.azukari.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of {@code ./run}, started on folders of its own (apart from the shared
 * test database): a local process without a password gets nowhere, the passwords live in an
 * owner-only file and survive restarts, and a folder from the version that trusted everyone is
 * closed on its first start.
 */
class EmbeddedLockdownTests {

    @TempDir Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    @Test
    void aFreshFolderTakesPasswordsOnlyOnLoopbackAndKeepsThemOwnerOnly() throws Exception {
        Path data = dir.resolve("pgdata");
        DatabaseCoordinates db = start(data);

        assertRefusedWithoutPassword(db, "postgres");
        assertRefusedWithoutPassword(db, db.ownerUser());
        assertRefusedWithoutPassword(db, db.appUser());
        assertNotReachableBeyondLoopback(db.port());

        EmbeddedCredentials credentials = EmbeddedCredentials.read(data).orElseThrow();
        assertThat(credentials.ready()).isTrue();
        assertThat(credentials.port()).isEqualTo(db.port());
        assertThat(credentials.appPassword()).isEqualTo(db.appPassword()).hasSizeGreaterThan(40);
        assertThat(credentials.ownerPassword()).isEqualTo(db.ownerPassword());
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(EmbeddedCredentials.file(data))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        // initdb's password file does not outlive the start
        try (var beside = Files.list(dir)) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("pgdata");
        }

        try (Connection su = connect(db, credentials.superuser(), credentials.superuserPassword());
                Statement s = su.createStatement()) {
            assertThat(values(s, "SELECT DISTINCT auth_method FROM pg_hba_file_rules"))
                    .containsExactly("scram-sha-256");
            assertThat(values(s, "SHOW listen_addresses")).containsExactly("127.0.0.1");
            assertThat(values(s, "SHOW unix_socket_directories")).containsExactly("");
            assertThat(
                            values(
                                    s,
                                    "SELECT rolname FROM pg_authid WHERE rolpassword IS NULL AND rolcanlogin"))
                    .isEmpty();
            assertThat(values(s, "SELECT rolname FROM pg_roles WHERE rolsuper ORDER BY 1"))
                    .containsExactly("postgres");
        }
        try (Connection app = connect(db, db.appUser(), db.appPassword());
                Statement s = app.createStatement()) {
            assertThat(values(s, "SELECT current_user")).containsExactly(db.appUser());
            // the application role cannot read the credentials file, nor the password verifiers
            assertThatThrownBy(
                            () ->
                                    values(
                                            s,
                                            "SELECT pg_read_file('"
                                                    + EmbeddedCredentials.file(data)
                                                    + "')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> values(s, "SELECT rolpassword FROM pg_authid"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf")))
                .doesNotContain("trust")
                .doesNotContain("0.0.0.0")
                .contains("scram-sha-256");
    }

    @Test
    void aRestartReusesTheCredentialsAndNeedsNoSuperuserPassword() throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedServer first = EmbeddedServer.start(data, 0, Map.of());
        running.add(first);
        DatabaseCoordinates db = first.coordinates();
        EmbeddedCredentials before = EmbeddedCredentials.read(data).orElseThrow();
        try (Connection owner = connect(db, db.ownerUser(), db.ownerPassword());
                Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('before the restart')");
        }
        // the superuser's password changes behind the application's back: a restart must not
        // need it
        try (Connection su = connect(db, before.superuser(), before.superuserPassword());
                Statement s = su.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD 'known only to the operator'");
        }
        first.close();

        DatabaseCoordinates again = start(data);

        EmbeddedCredentials after = EmbeddedCredentials.read(data).orElseThrow();
        assertThat(after.appPassword()).isEqualTo(before.appPassword());
        assertThat(after.ownerPassword()).isEqualTo(before.ownerPassword());
        assertThat(after.superuserPassword()).isEqualTo(before.superuserPassword());
        assertThat(again.appPassword()).isEqualTo(db.appPassword());
        try (Connection owner = connect(again, again.ownerUser(), again.ownerPassword());
                Statement s = owner.createStatement()) {
            assertThat(values(s, "SELECT note FROM kept")).containsExactly("before the restart");
        }
        assertRefusedWithoutPassword(again, "postgres");
    }

    @Test
    void aFolderFromTheVersionThatTrustedEveryoneIsClosedOnItsFirstStart() throws Exception {
        Path data = dir.resolve("pgdata");
        int oldPort;
        // what the previous version left: trust for every local connection, roles without
        // passwords, the database with data in it
        try (EmbeddedPostgres old =
                EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .start()) {
            oldPort = old.getPort();
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE ROLE azukari_owner LOGIN");
                s.execute("CREATE ROLE azukari_app LOGIN");
                s.execute("CREATE DATABASE azukari OWNER azukari_owner");
            }
            try (Connection c = old.getDatabase("azukari_owner", "azukari").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE custody_kept (note text)");
                s.execute("INSERT INTO custody_kept VALUES ('from the old version')");
            }
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        assertThat(EmbeddedCredentials.read(data)).isEmpty();
        assertThat(oldPort).isPositive();

        DatabaseCoordinates db = start(data);

        assertRefusedWithoutPassword(db, "postgres");
        assertRefusedWithoutPassword(db, db.appUser());
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        EmbeddedCredentials credentials = EmbeddedCredentials.read(data).orElseThrow();
        assertThat(credentials.ready()).isTrue();
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(EmbeddedCredentials.file(data))))
                .isEqualTo("rw-------");
        try (Connection owner = connect(db, db.ownerUser(), db.ownerPassword());
                Statement s = owner.createStatement()) {
            assertThat(values(s, "SELECT note FROM custody_kept"))
                    .containsExactly("from the old version");
        }
        try (Connection su = connect(db, credentials.superuser(), credentials.superuserPassword());
                Statement s = su.createStatement()) {
            assertThat(
                            values(
                                    s,
                                    "SELECT rolname FROM pg_authid WHERE rolpassword IS NULL AND rolcanlogin"))
                    .isEmpty();
        }
        try (Connection app = connect(db, db.appUser(), db.appPassword())) {
            assertThat(app.isValid(2)).isTrue();
        }
    }

    private DatabaseCoordinates start(Path data) throws Exception {
        EmbeddedServer server = EmbeddedServer.start(data, 0, Map.of());
        running.add(server);
        return server.coordinates();
    }

    /**
     * Neither no password nor a wrong one gets in: the server asks for SCRAM (the driver then
     * refuses to go on without a password) and refuses a wrong one itself.
     */
    private static void assertRefusedWithoutPassword(DatabaseCoordinates db, String role) {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), role, "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SCRAM");
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), role, "guess").close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(
                        () ->
                                DriverManager.getConnection(
                                                "jdbc:postgresql://127.0.0.1:"
                                                        + db.port()
                                                        + "/postgres",
                                                role,
                                                "")
                                        .close())
                .isInstanceOf(SQLException.class);
    }

    /** Nothing answers on this machine's other addresses. */
    private static void assertNotReachableBeyondLoopback(int port) throws Exception {
        Optional<InetAddress> other =
                NetworkInterface.networkInterfaces()
                        .filter(
                                i -> {
                                    try {
                                        return i.isUp() && !i.isLoopback();
                                    } catch (java.net.SocketException e) {
                                        return false;
                                    }
                                })
                        .flatMap(NetworkInterface::inetAddresses)
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                        .findFirst();
        for (InetAddress address :
                other.map(List::of).orElse(List.of(InetAddress.getByName("::1")))) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 1000))
                        .as("PostgreSQL must not answer on %s", address)
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    private static Connection connect(DatabaseCoordinates db, String user, String password)
            throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), user, password);
    }

    private static List<String> values(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
