package jp.azukari.scanner.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.scanner.testing.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SessionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC);

    @TempDir Path config;

    @Test
    void whenTheServerRefusesTheRefreshANewLoginIsAskedForAndTheSavedSessionIsLeftAsItWas()
            throws IOException {
        try (StandInServer server =
                StandInServer.answering(
                        401,
                        "application/problem+json",
                        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"refresh token revoked\"}")) {
            CredentialStore store = new CredentialStore(config, JSON);
            Credentials saved =
                    new Credentials(
                            server.uri().toString(),
                            "custodian",
                            "old-access",
                            "old-refresh",
                            CLOCK.instant().plusSeconds(600));
            store.save(saved);
            Session session = new Session(HttpApiFailureTests.api(server.uri()), store, CLOCK);

            assertThatThrownBy(() -> session.transfer(UUID.randomUUID()))
                    .isInstanceOfSatisfying(
                            ApiException.LoginRequired.class,
                            e ->
                                    assertThat(e.why())
                                            .isEqualTo(
                                                    ApiException.LoginRequired.Why
                                                            .SESSION_EXPIRED));
            assertThat(server.requests()).hasSize(2).last().isEqualTo("POST /api/v1/auth/refresh");
            assertThat(store.load()).contains(saved);
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsSent() throws IOException {
        try (StandInServer server = StandInServer.failingWith500()) {
            CredentialStore store = new CredentialStore(config, JSON);
            store.save(
                    new Credentials(
                            server.uri().toString(),
                            "custodian",
                            "old-access",
                            "old-refresh",
                            CLOCK.instant().minusSeconds(1)));
            Session session = new Session(HttpApiFailureTests.api(server.uri()), store, CLOCK);

            assertThatThrownBy(() -> session.transfer(UUID.randomUUID()))
                    .isInstanceOf(ApiException.Unavailable.class);
            assertThat(server.requests()).containsExactly("POST /api/v1/auth/refresh");
        }
    }

    @Test
    void withoutASavedSessionNothingIsSent() {
        Session session =
                new Session(
                        HttpApiFailureTests.api(java.net.URI.create("http://127.0.0.1:9")),
                        new CredentialStore(config, JSON),
                        CLOCK);

        assertThatThrownBy(() -> session.resolve("AZ1:K7Q2:A-1:MFRGGZDFMZTW"))
                .isInstanceOfSatisfying(
                        ApiException.LoginRequired.class,
                        e ->
                                assertThat(e.why())
                                        .isEqualTo(ApiException.LoginRequired.Why.NOT_LOGGED_IN));
    }
}
