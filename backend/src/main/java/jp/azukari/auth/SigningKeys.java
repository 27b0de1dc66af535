package jp.azukari.auth;

import io.jsonwebtoken.security.Keys;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The HMAC key that signs access tokens. Configured ({@code azukari.auth.jwt-secret}, base64, at
 * least 32 bytes) or generated once and kept in the database so every backend instance shares it.
 * Never built in.
 */
public class SigningKeys {

    static final String SECRET_NAME = "jwt-hs256";
    private static final int KEY_BYTES = 32;

    private final Mono<SecretKey> key;

    public SigningKeys(String configuredBase64, DatabaseClient db, SecureRandom random) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configuredBase64.trim());
            if (bytes.length < KEY_BYTES) {
                throw new IllegalStateException(
                        "azukari.auth.jwt-secret must hold at least 32 bytes (base64)");
            }
            this.key = Mono.just(Keys.hmacShaKeyFor(bytes));
        } else {
            byte[] candidate = new byte[KEY_BYTES];
            random.nextBytes(candidate);
            this.key =
                    db.sql(
                                    "INSERT INTO system_secret (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                            .bind("name", SECRET_NAME)
                            .bind("secret", candidate)
                            .then()
                            .then(
                                    db.sql("SELECT secret FROM system_secret WHERE name = :name")
                                            .bind("name", SECRET_NAME)
                                            .map(row -> row.get("secret", byte[].class))
                                            .one())
                            .map(Keys::hmacShaKeyFor)
                            .cache();
        }
    }

    public Mono<SecretKey> current() {
        return key;
    }
}
