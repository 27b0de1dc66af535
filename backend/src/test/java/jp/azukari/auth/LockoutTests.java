package jp.azukari.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.azukari.common.PartyKind;
import jp.azukari.common.Role;
import jp.azukari.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "lockout cannot be turned against a user": wrong passwords from one source lock that
 * source out, never the account; the account as a whole is only slowed. Sources are real:
 * connections bound to other loopback addresses (127.0.0.2, …), not a header anyone could set.
 */
class LockoutTests extends ApiTestSupport {

    @Test
    void
            a_flood_of_wrong_passwords_from_one_source_does_not_stop_the_real_user_signing_in_from_another()
                    throws IOException {
        TestUser admin =
                user(Role.ADMIN, party(unique("agency"), PartyKind.AGENCY), "the-real-password-1");
        int locked = 0;
        for (int i = 0; i < 30; i++) {
            int status = signIn("127.0.0.2", admin.username(), "guess-" + i);
            assertThat(status).isIn(401, 429);
            locked += status == 429 ? 1 : 0;
        }
        assertThat(locked).as("the flooding source is locked out after 5 failures").isEqualTo(25);
        assertThat(signIn("127.0.0.2", admin.username(), "the-real-password-1"))
                .as("even with the right password")
                .isEqualTo(429);

        // the real user, from their own address, is not locked out
        http().post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("username", admin.username(), "password", "the-real-password-1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accessToken")
                .exists();
        // and the flooding source stays locked after the real user's success
        assertThat(signIn("127.0.0.2", admin.username(), "the-real-password-1")).isEqualTo(429);
    }

    @Test
    void failures_from_many_sources_slow_the_account_but_never_lock_it() throws IOException {
        TestUser clerk =
                user(Role.CLERK, party(unique("agency"), PartyKind.AGENCY), "the-real-password-2");
        for (int source = 3; source <= 7; source++) {
            for (int i = 0; i < 2; i++) {
                assertThat(signIn("127.0.0." + source, clerk.username(), "wrong")).isEqualTo(401);
            }
        }
        long start = System.nanoTime();
        assertThat(signIn("127.0.0.1", clerk.username(), "the-real-password-2")).isEqualTo(200);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis)
                .as("slowed by the account's recent failures (capped at 2 s)")
                .isBetween(1_500L, 10_000L);
    }

    /** Signs in over a connection bound to {@code source}; answers the HTTP status. */
    private int signIn(String source, String username, String password) throws IOException {
        byte[] body =
                ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: "
                                    + body.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            in.readAllBytes();
            return Integer.parseInt(line.toString().split(" ")[1]);
        }
    }
}
