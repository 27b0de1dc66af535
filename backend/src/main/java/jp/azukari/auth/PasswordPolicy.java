package jp.azukari.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must be before it is hashed: long enough to resist guessing, short enough for
 * BCrypt, which reads only the first 72 bytes and would otherwise silently ignore the rest.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** Why this password is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (password.isBlank()) {
            return Optional.of("must not be only spaces");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("must use at least 4 different characters");
        }
        return Optional.empty();
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
