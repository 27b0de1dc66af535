package jp.azukari.core.ledger;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;

/**
 * Checks that one chain head is in a signed digest: the digest's signature, then the audit path to
 * its root.
 */
public final class InclusionProof {

    private InclusionProof() {}

    /** Null when the proof holds, else why not. */
    public static String check(
            Digest digest,
            PublicKey key,
            ChainHead head,
            long leafIndex,
            long treeSize,
            List<byte[]> path) {
        if (!digest.signedBy(key)) {
            return "the digest's signature does not verify with key " + Ed25519.fingerprint(key);
        }
        if (treeSize != digest.chains()) {
            return "the proof is for a tree of "
                    + treeSize
                    + " leaves, the digest covers "
                    + digest.chains()
                    + " chains";
        }
        byte[] root = MerkleTree.rootFromPath(head.leafHash(), leafIndex, treeSize, path);
        if (root == null || !MessageDigest.isEqual(root, digest.root())) {
            return "the audit path does not lead to the digest's root";
        }
        return null;
    }
}
