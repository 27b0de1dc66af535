package jp.azukari.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import jp.azukari.files.EvidenceFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored evidence file as a download, with its SHA-256 in {@code Repr-Digest} (RFC 9530) and as
 * the ETag.
 */
public final class EvidenceDownload {

    private EvidenceDownload() {}

    public static ResponseEntity<byte[]> of(EvidenceFiles.Stored file) {
        var meta = file.meta();
        byte[] sha = HexFormat.of().parseHex(meta.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(meta.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha) + ":")
                .header("Azukari-Verified", Boolean.toString(file.verified()))
                .eTag(meta.sha256())
                .body(file.content());
    }
}
