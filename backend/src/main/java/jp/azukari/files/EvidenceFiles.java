package jp.azukari.files;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Files kept as evidence ({@code evidence_file}): written once with their SHA-256, never changed.
 */
public class EvidenceFiles {

    /**
     * What is shown of a file; {@code verified}: the stored bytes still hash to {@code sha256}
     * (only on download).
     */
    public record Meta(UUID id, String filename, String contentType, int size, String sha256) {}

    public record Stored(Meta meta, byte[] content, boolean verified) {}

    private final DatabaseClient db;
    private final Clock clock;

    public EvidenceFiles(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores checked bytes (see {@link UploadedFiles#read}); joins the caller's transaction when
     * there is one.
     */
    public Mono<Meta> store(UUID by, String filename, String contentType, byte[] content) {
        UUID id = UUID.randomUUID();
        byte[] sha = UploadedFiles.sha256(content);
        String type = CertificateRules.baseType(contentType);
        return db.sql(
                        """
                        INSERT INTO evidence_file (id, filename, content_type, size, sha256, content, stored_by, stored_at)
                        VALUES (:id, :name, :type, :size, :sha, :content, :by, :at)""")
                .bind("id", id)
                .bind("name", filename)
                .bind("type", type)
                .bind("size", content.length)
                .bind("sha", sha)
                .bind("content", content)
                .bind("by", by)
                .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .then()
                .thenReturn(
                        new Meta(
                                id, filename, type, content.length, HexFormat.of().formatHex(sha)));
    }

    public Mono<Stored> read(UUID id) {
        return db.sql("SELECT * FROM evidence_file WHERE id = :id")
                .bind("id", id)
                .map(
                        r -> {
                            byte[] content = r.get("content", byte[].class);
                            Meta meta = meta(r, "");
                            return new Stored(
                                    meta,
                                    content,
                                    HexFormat.of()
                                            .formatHex(UploadedFiles.sha256(content))
                                            .equals(meta.sha256()));
                        })
                .one();
    }

    /**
     * A file's columns read from a row, each named {@code prefix + column} (e.g. {@code
     * f_filename}).
     */
    public static Meta meta(Readable r, String prefix) {
        return new Meta(
                r.get(prefix + "id", UUID.class),
                r.get(prefix + "filename", String.class),
                r.get(prefix + "content_type", String.class),
                r.get(prefix + "size", Integer.class),
                HexFormat.of().formatHex(r.get(prefix + "sha256", byte[].class)));
    }
}
