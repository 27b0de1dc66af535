package jp.azukari.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The canonical encoding of a ledger event and its SHA-256 chain hash (documented in docs/ledger.md).
 *
 * <p>{@code hash = SHA-256(prev_hash ‖ encoding)} where the encoding is the UTF-8 text
 * {@code "AZUKARI-EVENT-1\n"} followed by one line per field, in a fixed order, each {@code name:length:value\n}
 * (length in UTF-8 bytes) or {@code name:-\n} for an absent value. Length prefixes make the encoding unambiguous
 * whatever a note contains. The first event of an asset chains onto 32 zero bytes.
 */
public final class EventHashing {

    public static final byte[] GENESIS = new byte[32];
    private static final byte[] HEADER = "AZUKARI-EVENT-1\n".getBytes(StandardCharsets.UTF_8);

    private EventHashing() {
    }

    public static byte[] hash(LedgerEntry e) {
        MessageDigest sha = sha256();
        sha.update(e.prevHash());
        sha.update(encode(e));
        return sha.digest();
    }

    public static byte[] encode(LedgerEntry e) {
        var out = new ByteArrayOutputStream(512);
        out.writeBytes(HEADER);
        field(out, "asset_id", e.assetId());
        field(out, "seq", e.seq());
        field(out, "id", e.id());
        field(out, "contract_id", e.contractId());
        field(out, "type", e.type());
        field(out, "from_party_id", e.fromPartyId());
        field(out, "to_party_id", e.toPartyId());
        field(out, "actor_user_id", e.actorUserId());
        field(out, "device_id", e.deviceId());
        field(out, "location", e.location());
        field(out, "occurred_at", DateTimeFormatter.ISO_INSTANT.format(e.occurredAt().truncatedTo(ChronoUnit.MICROS)));
        field(out, "transfer_id", e.transferId());
        field(out, "approval_id", e.approvalId());
        field(out, "incident_id", e.incidentId());
        field(out, "scanned_payload", e.scannedPayload());
        field(out, "refusal_code", e.refusalCode());
        field(out, "article", e.article());
        field(out, "note", e.note());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String name, Object value) {
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        if (value == null) {
            out.writeBytes(":-\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] v = value.toString().getBytes(StandardCharsets.UTF_8);
        out.writeBytes((":" + v.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(v);
        out.write('\n');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
