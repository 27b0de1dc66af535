package jp.azukari.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * The canonical encoding of a ledger event (version 1) and its chain hash, {@code SHA-256(prev_hash
 * ‖ encoding)}.
 *
 * <p>The encoding is the UTF-8 text {@code "AZUKARI-EVENT-1\n"} followed by one line per field, in
 * {@link #FIELDS} order, each {@code name:length:value\n} (length in UTF-8 bytes of the value) or
 * {@code name:-\n} for an absent value. UUIDs are lower case with hyphens, {@code seq} decimal,
 * {@code occurred_at} ISO-8601 UTC truncated to microseconds as {@link
 * DateTimeFormatter#ISO_INSTANT} writes it. The first event of an asset chains onto {@link
 * #GENESIS}, 32 zero bytes. This class is the one place the rule lives.
 */
public final class EventEncoding {

    public static final byte[] GENESIS = new byte[32];
    public static final String HEADER = "AZUKARI-EVENT-1\n";
    public static final String[] FIELDS = {
        "asset_id",
        "seq",
        "id",
        "contract_id",
        "type",
        "from_party_id",
        "to_party_id",
        "actor_user_id",
        "device_id",
        "location",
        "occurred_at",
        "transfer_id",
        "approval_id",
        "incident_id",
        "scanned_payload",
        "refusal_code",
        "article",
        "note"
    };

    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.UTF_8);
    private static final byte[][] NAMES =
            Arrays.stream(FIELDS)
                    .map(f -> (f + ":").getBytes(StandardCharsets.US_ASCII))
                    .toArray(byte[][]::new);
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private EventEncoding() {}

    /**
     * The values of an event in field order, as the encoding writes them ({@code null} for absent).
     */
    public static String[] values(LedgerEvent e) {
        return new String[] {
            text(e.assetId()),
            Integer.toString(e.seq()),
            text(e.id()),
            text(e.contractId()),
            e.type(),
            text(e.fromPartyId()),
            text(e.toPartyId()),
            text(e.actorUserId()),
            e.deviceId(),
            e.location(),
            e.occurredAt() == null
                    ? null
                    : DateTimeFormatter.ISO_INSTANT.format(
                            e.occurredAt().truncatedTo(ChronoUnit.MICROS)),
            text(e.transferId()),
            text(e.approvalId()),
            text(e.incidentId()),
            e.scannedPayload(),
            e.refusalCode(),
            e.article(),
            e.note()
        };
    }

    public static byte[] encode(LedgerEvent e) {
        Buffer b = BUFFERS.get();
        b.reset();
        write(b, e);
        return Arrays.copyOf(b.bytes, b.size);
    }

    /** {@code SHA-256(prev_hash ‖ encoding)} with the event's own {@code prevHash}. */
    public static byte[] hash(LedgerEvent e) {
        return hash(e.prevHash(), e);
    }

    public static byte[] hash(byte[] prevHash, LedgerEvent e) {
        Buffer b = BUFFERS.get();
        b.reset();
        write(b, e);
        MessageDigest sha = b.sha;
        sha.update(prevHash);
        sha.update(b.bytes, 0, b.size);
        return sha.digest();
    }

    private static void write(Buffer b, LedgerEvent e) {
        b.put(HEADER_BYTES);
        String[] values = values(e);
        for (int i = 0; i < values.length; i++) {
            b.put(NAMES[i]);
            String v = values[i];
            if (v == null) {
                b.put((byte) '-');
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                b.ascii(Integer.toString(bytes.length));
                b.put((byte) ':');
                b.put(bytes);
            }
            b.put((byte) '\n');
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static final class Buffer {
        byte[] bytes = new byte[1024];
        int size;
        final MessageDigest sha = Sha256.newDigest();

        void reset() {
            size = 0;
        }

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        private void ensure(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }
    }
}
