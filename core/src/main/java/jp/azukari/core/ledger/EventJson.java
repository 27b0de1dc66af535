package jp.azukari.core.ledger;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A ledger event as one line of JSON (the bundle's {@code ledger/events.jsonl}): the canonical
 * fields under their canonical names, each value exactly the text the encoding hashes (numbers for
 * {@code seq}), then {@code prev_hash} and {@code hash} in hex.
 */
public final class EventJson {

    private static final HexFormat HEX = HexFormat.of();

    private EventJson() {}

    public static String write(LedgerEvent e) {
        String[] values = EventEncoding.values(e);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(EventEncoding.FIELDS[i], i == 1 ? (Object) e.seq() : values[i]);
        }
        m.put("prev_hash", HEX.formatHex(e.prevHash()));
        m.put("hash", HEX.formatHex(e.hash()));
        return FlatJson.write(m);
    }

    /**
     * Reads one line; {@code IllegalArgumentException} names the field that is missing or
     * malformed.
     */
    public static LedgerEvent read(String line) {
        Map<String, String> f = FlatJson.read(line);
        for (String name : EventEncoding.FIELDS) {
            if (!f.containsKey(name)) {
                throw new IllegalArgumentException(name + ": missing");
            }
        }
        try {
            return new LedgerEvent(
                    uuid(f, "asset_id"),
                    Integer.parseInt(f.get("seq")),
                    uuid(f, "id"),
                    uuid(f, "contract_id"),
                    f.get("type"),
                    uuid(f, "from_party_id"),
                    uuid(f, "to_party_id"),
                    uuid(f, "actor_user_id"),
                    f.get("device_id"),
                    f.get("location"),
                    f.get("occurred_at") == null ? null : Instant.parse(f.get("occurred_at")),
                    uuid(f, "transfer_id"),
                    uuid(f, "approval_id"),
                    uuid(f, "incident_id"),
                    f.get("scanned_payload"),
                    f.get("refusal_code"),
                    f.get("article"),
                    f.get("note"),
                    hex(f, "prev_hash"),
                    hex(f, "hash"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static UUID uuid(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(v);
            if (!id.toString().equals(v)) {
                throw new IllegalArgumentException(name + ": not a canonical uuid");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not a canonical uuid");
        }
    }

    private static byte[] hex(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || !v.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": not 64 hex digits");
        }
        return HEX.parseHex(v);
    }
}
