package jp.azukari.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * RFC 6962 MTH written out recursively: the streaming builder must agree with it for every
     * size.
     */
    private static byte[] reference(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(
                reference(leaves.subList(0, k)), reference(leaves.subList(k, leaves.size())));
    }

    @Test
    void theRootIsRfc6962sForEverySizeAndEveryAuditPathLeadsToIt() {
        for (int n = 0; n <= 33; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = MerkleTree.root(leaves);
            assertThat(root).isEqualTo(reference(leaves));
            for (int i = 0; i < n; i++) {
                List<byte[]> path = MerkleTree.auditPath(leaves, i);
                assertThat(MerkleTree.rootFromPath(leaves.get(i), i, n, path))
                        .as("leaf %d of %d", i, n)
                        .isEqualTo(root);
                if (n > 1) {
                    assertThat(MerkleTree.rootFromPath(leaves.get(i), (i + 1) % n, n, path))
                            .isNotEqualTo(root);
                }
            }
        }
    }

    @Test
    void anEmptyTreeIsTheHashOfNothingAndLeafAndNodeHashesAreDomainSeparated() {
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        byte[] a = Sha256.of(new byte[] {1});
        assertThat(MerkleTree.leafHash(a)).isNotEqualTo(MerkleTree.nodeHash(a, a));
    }

    @Test
    void leavesAreOrderedAsPostgresqlOrdersUuidsNotAsJavaDoes() {
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertThat(low.compareTo(high)).isPositive(); // Java compares signed
        assertThat(ChainHead.ORDER.compare(low, high)).isNegative();
        ChainHead h = new ChainHead(high, 7, new byte[32]);
        assertThat(HexFormat.of().formatHex(h.leafData()))
                .isEqualTo("80000000000000000000000000000000" + "00000007" + "00".repeat(32));
    }
}
