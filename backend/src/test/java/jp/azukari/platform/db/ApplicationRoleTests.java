package jp.azukari.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import jp.azukari.support.ApiTestSupport;
import jp.azukari.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What the role the application connects as may do on the migrated database, with its password:
 * read the keys it signs with (it must), but never replace them, rewrite the ledger, lift the
 * ledger's guard, become another role or read what lies outside its tables.
 */
class ApplicationRoleTests extends ApiTestSupport {

    @Test
    void theApplicationRoleReadsItsKeysButCannotReplaceThem() throws SQLException {
        try (Connection app = TestDatabase.applicationRoleConnection();
                Statement s = app.createStatement()) {
            // the keys the running application needs (made when first needed): readable, as they
            // must be
            assertThat(count(s, "SELECT count(*) FROM system_secret")).isNotNegative();
            assertThat(count(s, "SELECT count(*) FROM label_key")).isNotNegative();

            assertDenied(s, "UPDATE system_secret SET secret = '\\x00'::bytea");
            assertDenied(s, "DELETE FROM system_secret");
            assertDenied(
                    s,
                    "UPDATE label_key SET secret = '\\x00112233445566778899aabbccddeeff'::bytea");
            assertDenied(s, "UPDATE label_key SET id = 'AAAA' WHERE false");
            assertDenied(s, "DELETE FROM label_key");
            // retiring a key (the one change the application makes) stays allowed
            assertThat(s.executeUpdate("UPDATE label_key SET retired_at = retired_at WHERE false"))
                    .isZero();
        }
    }

    @Test
    void theApplicationRoleCannotRewriteTheLedgerNorLiftItsGuard() throws SQLException {
        try (Connection app = TestDatabase.applicationRoleConnection();
                Statement s = app.createStatement()) {
            assertDenied(s, "UPDATE custody_event SET note = 'rewritten'");
            assertDenied(s, "DELETE FROM custody_event");
            assertDenied(s, "TRUNCATE custody_event");
            assertThatThrownBy(() -> s.execute("ALTER TABLE custody_event DISABLE TRIGGER ALL"))
                    .hasMessageContaining("must be owner");
            assertDenied(s, "CREATE TABLE app_made (x int)");
        }
    }

    @Test
    void theApplicationRoleCannotBecomeAnotherRoleNorReadBeyondItsTables() throws SQLException {
        try (Connection app = TestDatabase.applicationRoleConnection();
                Statement s = app.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles"
                                    + " WHERE rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 4; i++) {
                    assertThat(rs.getBoolean(i)).as("column %d", i).isFalse();
                }
            }
            String owner = System.getProperty("azukari.db.owner-username");
            assertDenied(s, "SET ROLE " + owner);
            assertDenied(s, "SELECT rolpassword FROM pg_authid");
            assertDenied(s, "SELECT pg_read_file('postgresql.conf')");
            assertDenied(s, "COPY custody_event TO PROGRAM 'cat'");
            assertDenied(s, "CREATE ROLE intruder SUPERUSER");
        }
    }

    private static void assertDenied(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql))
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(sql).isEqualTo("42501"));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
