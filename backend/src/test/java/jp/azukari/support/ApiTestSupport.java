package jp.azukari.support;

import java.time.Duration;
import java.util.UUID;
import jp.azukari.auth.AccessTokens;
import jp.azukari.common.Actor;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the full-stack tests: the real application on a random port, on a real PostgreSQL ({@link
 * TestDatabase}), driven over HTTP. Tests share one database, so each makes its own parties and
 * contracts with unique names and never assumes an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    static {
        TestDatabase.start();
    }

    @LocalServerPort protected int port;

    @Autowired protected DatabaseClient db;

    @Autowired protected AccessTokens accessTokens;

    @Autowired protected PasswordEncoder passwordEncoder;

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A client that sends this user's access token on every request. */
    public WebTestClient as(TestUser user) {
        return http().mutate().defaultHeader("Authorization", "Bearer " + user.token()).build();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID party(String name, PartyKind kind) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO party (id, name, kind) VALUES (:id, :name, :kind)")
                .bind("id", id)
                .bind("name", name)
                .bind("kind", kind.name())
                .then()
                .block();
        return id;
    }

    /**
     * A user made straight in the database, with a token minted by the application's own token
     * service.
     */
    public TestUser user(Role role, UUID partyId) {
        return user(role, partyId, "secret-" + UUID.randomUUID());
    }

    protected TestUser user(Role role, UUID partyId, String password) {
        UUID id = UUID.randomUUID();
        String username = ("u" + id.toString().replace("-", "").substring(0, 12));
        db.sql(
                        "INSERT INTO app_user (id, username, display_name, party_id, role, password_hash) "
                                + "VALUES (:id, :username, :display, :party, :role, :hash)")
                .bind("id", id)
                .bind("username", username)
                .bind("display", role.name() + " " + username)
                .bind("party", partyId)
                .bind("role", role.name())
                .bind("hash", passwordEncoder.encode(password))
                .then()
                .block();
        Actor actor = new Actor(id, username, role, partyId);
        return new TestUser(actor, password, accessTokens.issue(actor).block());
    }

    public record TestUser(Actor actor, String password, String token) {

        public UUID id() {
            return actor.userId();
        }

        public String username() {
            return actor.username();
        }

        public UUID partyId() {
            return actor.partyId();
        }
    }
}
