package jp.azukari.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.ledger.ChainHead;

/** A digest's leaves as stored: 52 bytes each (asset id, seq, hash), in tree order. */
final class DigestLeaves {

    static final int SIZE = 52;
    static final int PER_CHUNK = 8192;

    private final List<byte[]> chunks;
    private final int count;

    DigestLeaves(List<byte[]> chunks) {
        this.chunks = chunks;
        this.count = chunks.stream().mapToInt(c -> c.length / SIZE).sum();
    }

    int count() {
        return count;
    }

    ChainHead get(int i) {
        ByteBuffer b = ByteBuffer.wrap(chunks.get(i / PER_CHUNK), (i % PER_CHUNK) * SIZE, SIZE);
        UUID id = new UUID(b.getLong(), b.getLong());
        int seq = b.getInt();
        byte[] hash = new byte[32];
        b.get(hash);
        return new ChainHead(id, seq, hash);
    }

    UUID assetId(int i) {
        ByteBuffer b = ByteBuffer.wrap(chunks.get(i / PER_CHUNK), (i % PER_CHUNK) * SIZE, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** The index of the asset's leaf, or -1. */
    int indexOf(UUID asset) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ChainHead.ORDER.compare(assetId(mid), asset);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    List<byte[]> leafHashes() {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(get(i).leafHash());
        }
        return out;
    }

    /** Packs heads into chunks as they come, in tree order. */
    static final class Writer {
        private final List<byte[]> chunks = new ArrayList<>();
        private ByteBuffer current = ByteBuffer.allocate(PER_CHUNK * SIZE);

        void add(ChainHead h) {
            if (!current.hasRemaining()) {
                chunks.add(current.array());
                current = ByteBuffer.allocate(PER_CHUNK * SIZE);
            }
            current.put(h.leafData());
        }

        List<byte[]> chunks() {
            List<byte[]> out = new ArrayList<>(chunks);
            if (current.position() > 0) {
                out.add(java.util.Arrays.copyOf(current.array(), current.position()));
            }
            return out;
        }
    }
}
