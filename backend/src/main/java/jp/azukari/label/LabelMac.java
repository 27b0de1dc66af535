package jp.azukari.label;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.azukari.core.label.LabelPayloadSyntax;

/**
 * The MAC of a label: the first 60 bits of HMAC-SHA256 over {@code AZ1:<KEY-ID>:<TAG>}, as 12
 * base32 characters.
 */
final class LabelMac {

    static final int LENGTH = LabelPayloadSyntax.MAC_LENGTH;
    private static final String ALGORITHM = "HmacSHA256";

    private LabelMac() {}

    static String of(LabelKey key, String signedPart) {
        byte[] digest =
                hmac(key.secretForSigning(), signedPart.getBytes(StandardCharsets.US_ASCII));
        long first64 = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            first64 = (first64 << 8) | (digest[i] & 0xFF);
        }
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            // 12 groups of 5 bits cover bits 63..4: the first 60 bits, most significant first, as
            // RFC 4648 does
            out[i] =
                    LabelPayloadSyntax.BASE32_ALPHABET.charAt(
                            (int) (first64 >>> (59 - 5 * i)) & 0x1F);
        }
        return new String(out);
    }

    /** Compares in time that does not depend on where the two differ. */
    static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
