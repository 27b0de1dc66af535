package jp.azukari.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An uploaded evidence file read into memory up to a limit and checked by {@link CertificateRules}
 * (a non-empty PDF, PNG or JPEG whose bytes match its type): disposal certificates, certification
 * certificates, report attachments. A refusal is a 400, 413 or 415 problem whose {@code code} names
 * the finding ({@code FILE_EMPTY}, …).
 */
public final class UploadedFiles {

    private UploadedFiles() {}

    public static Mono<byte[]> read(
            Flux<DataBuffer> content,
            String contentType,
            long maxBytes,
            String slug,
            String title) {
        var typeProblem = CertificateRules.checkType(contentType);
        if (typeProblem.isPresent()) {
            return Mono.error(problem(typeProblem.get(), slug, title));
        }
        return DataBufferUtils.join(content, (int) Math.min(Integer.MAX_VALUE, maxBytes))
                .map(
                        buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> problem(CertificateRules.tooLarge(maxBytes), slug, title))
                .flatMap(
                        bytes ->
                                CertificateRules.check(contentType, bytes, maxBytes)
                                        .<Mono<byte[]>>map(f -> Mono.error(problem(f, slug, title)))
                                        .orElseGet(() -> Mono.just(bytes)));
    }

    public static ProblemException problem(CertificateRules.Finding f, String slug, String title) {
        ProblemKind kind =
                switch (f.problem()) {
                    case EMPTY -> ProblemKind.BAD_REQUEST;
                    case TOO_LARGE -> ProblemKind.CONTENT_TOO_LARGE;
                    case UNSUPPORTED_TYPE, CONTENT_MISMATCH -> ProblemKind.UNSUPPORTED_MEDIA_TYPE;
                };
        return Problems.exception(kind, slug, title, f.detail())
                .with("code", "FILE_" + f.problem().name());
    }

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The file's own name, without any path a browser sent, bounded. */
    public static String filename(String name, String fallback) {
        String base =
                name == null
                        ? ""
                        : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            base = fallback;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
