package jp.azukari.ledger;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import jp.azukari.core.ledger.Ed25519;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The installation's Ed25519 key that signs ledger digests: generated once, on first use, and kept
 * in {@code system_secret} (as the access-token key is) so every backend instance signs alike.
 * Never built in. Stored as {@code u16 length ‖ PKCS#8 private key ‖ X.509 public key}; several
 * instances starting at once keep one.
 */
public class LedgerKeys {

    static final String SECRET_NAME = "ledger-ed25519";

    public record Keys(PrivateKey privateKey, PublicKey publicKey, String fingerprint) {}

    private final Mono<Keys> keys;

    public LedgerKeys(DatabaseClient db, SecureRandom random) {
        this.keys =
                Mono.fromCallable(() -> generate(random))
                        .flatMap(
                                candidate ->
                                        db.sql(
                                                        "INSERT INTO system_secret (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                                                .bind("name", SECRET_NAME)
                                                .bind("secret", candidate)
                                                .then())
                        .then(
                                db.sql("SELECT secret FROM system_secret WHERE name = :name")
                                        .bind("name", SECRET_NAME)
                                        .map(row -> row.get("secret", byte[].class))
                                        .one())
                        .map(LedgerKeys::read)
                        .cache();
    }

    public Mono<Keys> current() {
        return keys;
    }

    private static byte[] generate(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(255, random);
        KeyPair pair = g.generateKeyPair();
        byte[] priv = pair.getPrivate().getEncoded();
        byte[] pub = pair.getPublic().getEncoded();
        return ByteBuffer.allocate(2 + priv.length + pub.length)
                .putShort((short) priv.length)
                .put(priv)
                .put(pub)
                .array();
    }

    private static Keys read(byte[] secret) {
        try {
            int n = ByteBuffer.wrap(secret).getShort() & 0xFFFF;
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv =
                    f.generatePrivate(
                            new PKCS8EncodedKeySpec(Arrays.copyOfRange(secret, 2, 2 + n)));
            PublicKey pub =
                    f.generatePublic(
                            new X509EncodedKeySpec(
                                    Arrays.copyOfRange(secret, 2 + n, secret.length)));
            return new Keys(priv, pub, Ed25519.fingerprint(pub));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(
                    "the ledger signing key in system_secret '" + SECRET_NAME + "' cannot be read",
                    e);
        }
    }
}
