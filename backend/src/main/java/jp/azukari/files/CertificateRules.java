package jp.azukari.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a disposal certificate may be: a non-empty PDF, PNG or JPEG up to the configured size, whose
 * bytes are what its declared content type says.
 */
public final class CertificateRules {

    public enum Problem {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        CONTENT_MISMATCH
    }

    public record Finding(Problem problem, String detail) {}

    private static final Map<String, byte[]> SIGNATURES =
            Map.of(
                    "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
                    "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                    "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private CertificateRules() {}

    /** The content type without parameters, lower case; null when absent. */
    public static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    public static Optional<Finding> checkType(String contentType) {
        String type = baseType(contentType);
        if (type == null || !SIGNATURES.containsKey(type)) {
            return Optional.of(
                    new Finding(
                            Problem.UNSUPPORTED_TYPE,
                            "The certificate must be application/pdf, image/png or image/jpeg, not "
                                    + (type == null ? "a part without a content type" : type)));
        }
        return Optional.empty();
    }

    public static Optional<Finding> check(String contentType, byte[] content, long maxBytes) {
        Optional<Finding> type = checkType(contentType);
        if (type.isPresent()) {
            return type;
        }
        if (content.length == 0) {
            return Optional.of(
                    new Finding(Problem.EMPTY, "The certificate file is empty (0 bytes)"));
        }
        if (content.length > maxBytes) {
            return Optional.of(tooLarge(maxBytes));
        }
        byte[] signature = SIGNATURES.get(baseType(contentType));
        if (content.length < signature.length
                || !Arrays.equals(content, 0, signature.length, signature, 0, signature.length)) {
            return Optional.of(
                    new Finding(
                            Problem.CONTENT_MISMATCH,
                            "The certificate's bytes are not " + baseType(contentType)));
        }
        return Optional.empty();
    }

    public static Finding tooLarge(long maxBytes) {
        return new Finding(
                Problem.TOO_LARGE,
                "The certificate is larger than the " + maxBytes + " bytes allowed");
    }
}
