package jp.azukari.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A signed digest of the ledger (docs/ledger.md): what it covers and the Merkle root of those chain
 * heads, signed with the installation's Ed25519 key. What is signed is the statement, UTF-8 text
 * with one {@code name:value} line each:
 *
 * <pre>
 * AZUKARI-DIGEST-1
 * id:8c0e…            (uuid)
 * taken_at:2026-12-01T17:00:00.123456Z
 * scope:ALL           (or CONTRACT:&lt;uuid&gt;)
 * chains:1000000
 * events:5000000
 * root:&lt;64 hex&gt;
 * key:&lt;64 hex, SHA-256 of the raw public key&gt;
 * </pre>
 *
 * The fingerprint of a digest is the SHA-256 of its statement, in hex.
 */
public record Digest(
        UUID id,
        Instant takenAt,
        String scope,
        long chains,
        long events,
        byte[] root,
        String keyFingerprint,
        byte[] signature) {

    public static final String HEADER = "AZUKARI-DIGEST-1";

    public byte[] statement() {
        return (HEADER
                        + "\n"
                        + "id:"
                        + id
                        + "\n"
                        + "taken_at:"
                        + takenAt
                        + "\n"
                        + "scope:"
                        + scope
                        + "\n"
                        + "chains:"
                        + chains
                        + "\n"
                        + "events:"
                        + events
                        + "\n"
                        + "root:"
                        + HexFormat.of().formatHex(root)
                        + "\n"
                        + "key:"
                        + keyFingerprint
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public String fingerprint() {
        return HexFormat.of().formatHex(Sha256.of(statement()));
    }

    /** Whether the signature is this key's over the statement, and the statement names this key. */
    public boolean signedBy(PublicKey key) {
        return signature != null
                && keyFingerprint.equals(Ed25519.fingerprint(key))
                && Ed25519.verify(key, statement(), signature);
    }

    public Digest withSignature(byte[] s) {
        return new Digest(id, takenAt, scope, chains, events, root, keyFingerprint, s);
    }

    /** The digest as flat JSON fields (the form the API answers and the bundle keeps). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", HEADER);
        m.put("id", id.toString());
        m.put("takenAt", takenAt.toString());
        m.put("scope", scope);
        m.put("chains", chains);
        m.put("events", events);
        m.put("root", HexFormat.of().formatHex(root));
        m.put("key", keyFingerprint);
        m.put(
                "signature",
                signature == null ? null : java.util.Base64.getEncoder().encodeToString(signature));
        m.put("fingerprint", fingerprint());
        return m;
    }

    /**
     * Reads a digest from its fields; every field must be there and well formed. {@code
     * IllegalArgumentException} names the first one that is not.
     */
    public static Digest parse(Map<String, String> f) {
        if (!HEADER.equals(f.get("format"))) {
            throw new IllegalArgumentException("format: not " + HEADER);
        }
        try {
            return new Digest(
                    UUID.fromString(need(f, "id")),
                    Instant.parse(need(f, "takenAt")),
                    scope(need(f, "scope")),
                    count(f, "chains"),
                    count(f, "events"),
                    hex32(f, "root"),
                    hex32text(f, "key"),
                    base64(need(f, "signature")));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("takenAt: not an ISO-8601 instant");
        }
    }

    private static byte[] base64(String v) {
        try {
            return java.util.Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature: not base64");
        }
    }

    private static String need(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(name + ": missing");
        }
        return v;
    }

    private static String scope(String s) {
        if (!s.equals("ALL")
                && !s.matches(
                        "CONTRACT:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("scope: ALL or CONTRACT:<uuid>");
        }
        return s;
    }

    private static long count(Map<String, String> f, String name) {
        String v = need(f, name);
        if (!v.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(name + ": not a count");
        }
        return Long.parseLong(v);
    }

    private static byte[] hex32(Map<String, String> f, String name) {
        return HexFormat.of().parseHex(hex32text(f, name));
    }

    private static String hex32text(Map<String, String> f, String name) {
        String v = need(f, name);
        if (!v.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": not 64 lower-case hex digits");
        }
        return v;
    }
}
