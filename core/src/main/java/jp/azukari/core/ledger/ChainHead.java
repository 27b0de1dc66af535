package jp.azukari.core.ledger;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.UUID;

/**
 * An asset's chain head: its last sequence number and the hash of that event. One leaf of a
 * digest's Merkle tree.
 */
public record ChainHead(UUID assetId, int seq, byte[] hash) {

    /**
     * The order of a digest's leaves: asset ids as 16 unsigned bytes (big-endian), which is how
     * PostgreSQL orders {@code uuid} and not how {@link UUID#compareTo} does (it compares signed
     * longs).
     */
    public static final Comparator<UUID> ORDER =
            (a, b) -> {
                int c =
                        Long.compareUnsigned(
                                a.getMostSignificantBits(), b.getMostSignificantBits());
                return c != 0
                        ? c
                        : Long.compareUnsigned(
                                a.getLeastSignificantBits(), b.getLeastSignificantBits());
            };

    /**
     * The leaf's input: asset id (16 bytes), sequence number (4 bytes, big-endian), hash (32
     * bytes).
     */
    public byte[] leafData() {
        return ByteBuffer.allocate(52)
                .putLong(assetId.getMostSignificantBits())
                .putLong(assetId.getLeastSignificantBits())
                .putInt(seq)
                .put(hash)
                .array();
    }

    public byte[] leafHash() {
        return MerkleTree.leafHash(leafData());
    }
}
