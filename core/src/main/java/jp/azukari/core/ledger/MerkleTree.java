package jp.azukari.core.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a digest, exactly RFC 6962 §2.1 (and RFC 9162 §2.1): leaf hash {@code
 * SHA-256(0x00 ‖ data)}, node hash {@code SHA-256(0x01 ‖ left ‖ right)}, a tree of n leaves splits
 * at the largest power of two below n, the tree of no leaves is {@code SHA-256("")}. Audit paths
 * and their verification follow the same RFCs.
 */
public final class MerkleTree {

    private MerkleTree() {}

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = Sha256.newDigest();
        sha.update((byte) 0);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = Sha256.newDigest();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /**
     * The root of leaves given one by one, in O(log n) memory: a stack of complete subtrees folded
     * from the right.
     */
    public static final class Builder {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Integer> heights = new ArrayList<>();
        private long size;

        public Builder addLeafHash(byte[] leafHash) {
            byte[] h = leafHash;
            int height = 0;
            while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
                h = nodeHash(hashes.remove(hashes.size() - 1), h);
                heights.remove(heights.size() - 1);
                height++;
            }
            hashes.add(h);
            heights.add(height);
            size++;
            return this;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (hashes.isEmpty()) {
                return Sha256.of(new byte[0]);
            }
            byte[] h = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                h = nodeHash(hashes.get(i), h);
            }
            return h;
        }
    }

    public static byte[] root(List<byte[]> leafHashes) {
        Builder b = new Builder();
        leafHashes.forEach(b::addLeafHash);
        return b.root();
    }

    /**
     * The audit path of leaf {@code index} (RFC 6962 §2.1.1): sibling hashes from the leaf up to
     * the root.
     */
    public static List<byte[]> auditPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException(
                    "no leaf " + index + " in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        Builder b = new Builder();
        for (int i = from; i < to; i++) {
            b.addLeafHash(leaves.get(i));
        }
        return b.root();
    }

    /**
     * The root an audit path leads to from a leaf (RFC 9162 §2.1.3.2), or null when the path cannot
     * fit the tree.
     */
    public static byte[] rootFromPath(
            byte[] leafHash, long index, long treeSize, List<byte[]> path) {
        if (index < 0 || index >= treeSize) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }
}
