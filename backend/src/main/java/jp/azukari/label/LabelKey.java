package jp.azukari.label;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import jp.azukari.core.label.LabelPayloadSyntax;

/**
 * One label signing key: a short public id printed in every payload, a secret, and whether it is
 * retired. A retired key signs nothing and verifies nothing: its labels then read as foreign.
 */
public final class LabelKey {

    public static final int SECRET_BYTES = 32;
    static final int MIN_SECRET_BYTES = 16;
    static final int ID_LENGTH = LabelPayloadSyntax.KEY_ID_LENGTH;

    private final String id;
    private final byte[] secret;
    private final boolean retired;

    public LabelKey(String id, byte[] secret, boolean retired) {
        if (!LabelPayloadSyntax.isKeyId(id)) {
            throw new IllegalArgumentException(
                    "a label key id is " + ID_LENGTH + " characters of A-Z and 2-7: " + id);
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "a label key secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.id = id;
        this.secret = secret.clone();
        this.retired = retired;
    }

    /** A fresh key: a random id and a random 32-byte secret. */
    public static LabelKey generate(SecureRandom random) {
        String alphabet = LabelPayloadSyntax.BASE32_ALPHABET;
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new LabelKey(new String(id), secret, false);
    }

    public String id() {
        return id;
    }

    /** A copy of the secret, for storing it; the key keeps its own. */
    public byte[] secret() {
        return secret.clone();
    }

    byte[] secretForSigning() {
        return secret;
    }

    public boolean retired() {
        return retired;
    }

    public LabelKey retire() {
        return new LabelKey(id, secret, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelKey key
                && key.id.equals(id)
                && key.retired == retired
                && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "LabelKey[" + id + (retired ? ", retired" : "") + "]";
    }
}
