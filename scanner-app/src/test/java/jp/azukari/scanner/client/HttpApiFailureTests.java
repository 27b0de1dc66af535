package jp.azukari.scanner.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.scanner.testing.Ports;
import jp.azukari.scanner.testing.StandInServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the client behaves when the server does not give a usable answer. */
class HttpApiFailureTests {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);
    private static final ScanBatch BATCH =
            new ScanBatch(
                    "counter-1",
                    List.of(
                            new ScanBatch.Scan(
                                    UUID.randomUUID(),
                                    "AZ1:K7Q2:A-1:MFRGGZDFMZTW",
                                    Instant.parse("2026-11-25T09:30:00Z"),
                                    "LOOKUP",
                                    null)));

    @Test
    void aServerErrorIsUnavailableWithTheServersDetail() throws IOException {
        try (StandInServer server = StandInServer.failingWith500()) {
            assertThatThrownBy(() -> api(server.uri()).postScans("token", BATCH))
                    .isInstanceOfSatisfying(
                            ApiException.Unavailable.class,
                            e -> {
                                assertThat(e.why())
                                        .isEqualTo(ApiException.Unavailable.Why.SERVER_ERROR);
                                assertThat(e.getMessage())
                                        .contains("500")
                                        .contains("database down");
                            });
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheRequestTimeout() throws IOException {
        try (StandInServer server = StandInServer.hanging()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> api(server.uri()).postScans("token", BATCH))
                    .isInstanceOfSatisfying(
                            ApiException.Unavailable.class,
                            e ->
                                    assertThat(e.why())
                                            .isEqualTo(ApiException.Unavailable.Why.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(REQUEST_TIMEOUT.plusSeconds(3));
        }
    }

    @Test
    void garbageInsteadOfJsonIsABadAnswerNotACrash() throws IOException {
        try (StandInServer server =
                StandInServer.answering(200, "application/json", "{\"results\": [tru")) {
            assertThatThrownBy(() -> api(server.uri()).postScans("token", BATCH))
                    .isInstanceOfSatisfying(
                            ApiException.Unavailable.class,
                            e ->
                                    assertThat(e.why())
                                            .isEqualTo(ApiException.Unavailable.Why.BAD_ANSWER));
        }
    }

    @Test
    void anHtmlErrorPageIsNotTakenAsTheServersFinalNo() throws IOException {
        try (StandInServer server =
                StandInServer.answering(404, "text/html", "<html>Not Found</html>")) {
            assertThatThrownBy(() -> api(server.uri()).postScans("token", BATCH))
                    .isInstanceOfSatisfying(
                            ApiException.Unavailable.class,
                            e ->
                                    assertThat(e.why())
                                            .isEqualTo(ApiException.Unavailable.Why.BAD_ANSWER));
        }
    }

    @Test
    void aProblemAnswerIsARefusalCarryingRuleAndArticle() throws IOException {
        String problem =
                "{\"type\":\"https://azukari.example.jp/problems/approval-required\",\"title\":\"Approval required\","
                        + "\"status\":409,\"detail\":\"No approved PROVIDE_TO_SUBCONTRACTOR approval\",\"code\":\"APPROVAL_REQUIRED\","
                        + "\"article\":\"4\"}";
        try (StandInServer server =
                StandInServer.answering(409, "application/problem+json", problem)) {
            NewTransfer transfer =
                    new NewTransfer("HANDOFF", UUID.randomUUID(), null, List.of(UUID.randomUUID()));

            assertThatThrownBy(
                            () ->
                                    api(server.uri())
                                            .createTransfer("token", transfer, UUID.randomUUID()))
                    .isInstanceOfSatisfying(
                            ApiException.Refused.class,
                            e -> {
                                assertThat(e.problem().code()).isEqualTo("APPROVAL_REQUIRED");
                                assertThat(e.problem().article()).isEqualTo("4");
                                assertThat(e.problem().status()).isEqualTo(409);
                            });
        }
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws IOException {
        assertThatThrownBy(() -> api(URI.create(Ports.closedServer())).postScans("token", BATCH))
                .isInstanceOfSatisfying(
                        ApiException.Unavailable.class,
                        e ->
                                assertThat(e.why())
                                        .isEqualTo(ApiException.Unavailable.Why.UNREACHABLE));
    }

    @Test
    void aRejectedPasswordAsksForLoginAgain() throws IOException {
        try (StandInServer server =
                StandInServer.answering(
                        401,
                        "application/problem+json",
                        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad credentials\"}")) {
            assertThatThrownBy(() -> api(server.uri()).token("clerk", "wrong".toCharArray()))
                    .isInstanceOfSatisfying(
                            ApiException.LoginRequired.class,
                            e ->
                                    assertThat(e.why())
                                            .isEqualTo(
                                                    ApiException.LoginRequired.Why
                                                            .WRONG_CREDENTIALS));
            assertThat(server.requests()).containsExactly("POST /api/v1/auth/token");
        }
    }

    static HttpApi api(URI server) {
        return new HttpApi(
                HttpApi.client(Duration.ofSeconds(2)),
                server,
                REQUEST_TIMEOUT,
                JsonMapper.builder().build());
    }
}
