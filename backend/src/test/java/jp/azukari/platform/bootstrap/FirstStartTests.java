package jp.azukari.platform.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first start on a database of its own — the shared test database has users long before this
 * runs — migrated by the real migrations and reached as the application's own role.
 */
class FirstStartTests {

    private static final String AGENCY = "発注機関 (Agency)";
    private static final String DATABASE =
            "azukari_first_start_" + UUID.randomUUID().toString().substring(0, 8);

    private static DatabaseClient db;
    private static TransactionalOperator tx;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder(4);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void emptyDatabase() throws Exception {
        TestDatabase.start();
        try (Connection c = TestDatabase.superuserConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE DATABASE "
                            + DATABASE
                            + " OWNER "
                            + System.getProperty("azukari.db.owner-username"));
        }
        String host = System.getProperty("azukari.db.host");
        int port = Integer.parseInt(System.getProperty("azukari.db.port"));
        Flyway.configure()
                .dataSource(
                        "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE,
                        System.getProperty("azukari.db.owner-username"),
                        System.getProperty("azukari.db.owner-password"))
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", System.getProperty("azukari.db.username")))
                .load()
                .migrate();
        ConnectionFactoryOptions.Builder options =
                ConnectionFactoryOptions.builder()
                        .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                        .option(ConnectionFactoryOptions.HOST, host)
                        .option(ConnectionFactoryOptions.PORT, port)
                        .option(ConnectionFactoryOptions.DATABASE, DATABASE)
                        .option(
                                ConnectionFactoryOptions.USER,
                                System.getProperty("azukari.db.username"));
        String password = System.getProperty("azukari.db.password");
        if (password != null && !password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        ConnectionFactory connections = ConnectionFactories.get(options.build());
        db = DatabaseClient.create(connections);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection c = TestDatabase.superuserConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void emptyTablesAndListen() throws Exception {
        sql("DELETE FROM refresh_token");
        sql("DELETE FROM app_user");
        sql("DELETE FROM party");
        log.start();
        ((Logger) LoggerFactory.getLogger(FirstStart.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(FirstStart.class)).detachAppender(log);
    }

    @Test
    void
            on_an_empty_database_it_makes_the_agency_and_exactly_one_admin_and_a_second_run_makes_nothing() {
        FirstStart firstStart = firstStart(null);

        FirstStart.Outcome first = firstStart.run().block();
        FirstStart.Outcome second = firstStart.run().block();

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(rows("SELECT username, role, party_id FROM app_user"))
                .containsExactly(
                        Map.of(
                                "username",
                                "admin",
                                "role",
                                "ADMIN",
                                "party_id",
                                first.agencyPartyId()));
        assertThat(rows("SELECT name, kind FROM party"))
                .containsExactly(Map.of("name", AGENCY, "kind", "AGENCY"));
        assertThat(announcements()).hasSize(1);
    }

    @Test
    void a_generated_password_is_printed_once_in_a_marked_block_and_is_the_admins_password() {
        firstStart(null).run().block();

        String message = announcements().get(0);
        assertThat(message)
                .contains("AZUKARI FIRST START")
                .contains("username: admin")
                .contains("ONLY ONCE");
        String password =
                message.lines()
                        .filter(l -> l.trim().startsWith("password:"))
                        .findFirst()
                        .orElseThrow()
                        .trim()
                        .substring("password:".length())
                        .trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(passwords.matches(password, adminHash())).isTrue();
    }

    @Test
    void a_configured_password_is_used_and_never_printed() {
        String configured = "chosen by the operator";

        firstStart(configured).run().block();

        assertThat(passwords.matches(configured, adminHash())).isTrue();
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(configured));
        assertThat(announcements()).isEmpty();
    }

    @Test
    void two_instances_starting_together_make_one_admin() {
        FirstStart one = firstStart(null);
        FirstStart other = firstStart(null);

        List<FirstStart.Outcome> outcomes =
                Mono.zip(
                                one.run().subscribeOn(Schedulers.parallel()),
                                other.run().subscribeOn(Schedulers.parallel()))
                        .map(t -> List.of(t.getT1(), t.getT2()))
                        .block(Duration.ofSeconds(30));

        assertThat(outcomes).filteredOn(FirstStart.Outcome::created).hasSize(1);
        assertThat(rows("SELECT username FROM app_user")).hasSize(1);
        assertThat(rows("SELECT name FROM party")).hasSize(1);
    }

    @Test
    void a_configured_password_that_breaks_the_policy_stops_the_start() {
        assertThatThrownBy(() -> firstStart("short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AZUKARI_ADMIN_PASSWORD");
    }

    private FirstStart firstStart(String configuredPassword) {
        return new FirstStart(db, tx, passwords, new SecureRandom(), AGENCY, configuredPassword);
    }

    private List<String> announcements() {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("AZUKARI FIRST START"))
                .toList();
    }

    private String adminHash() {
        return db.sql("SELECT password_hash FROM app_user WHERE username = 'admin'")
                .map(r -> r.get("password_hash", String.class))
                .one()
                .block();
    }

    private List<Map<String, Object>> rows(String sql) {
        return db.sql(sql).fetch().all().collectList().block();
    }

    private static void sql(String sql) throws Exception {
        String url =
                "jdbc:postgresql://"
                        + System.getProperty("azukari.db.host")
                        + ":"
                        + System.getProperty("azukari.db.port")
                        + "/"
                        + DATABASE;
        try (Connection c =
                        java.sql.DriverManager.getConnection(
                                url,
                                System.getProperty("azukari.db.owner-username"),
                                System.getProperty("azukari.db.owner-password"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
