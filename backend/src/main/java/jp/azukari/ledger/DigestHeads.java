package jp.azukari.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import jp.azukari.core.ledger.ChainHead;
import jp.azukari.core.ledger.MerkleTree;

/**
 * The chain heads of a digest as they are read, in tree order: its Merkle tree, its stored leaves,
 * its event count.
 */
final class DigestHeads implements LedgerSnapshot.Partition<DigestHeads> {

    final MerkleTree.Builder tree = new MerkleTree.Builder();
    final DigestLeaves.Writer leaves = new DigestLeaves.Writer();
    long events;

    void add(ChainHead h) {
        tree.addLeafHash(h.leafHash());
        leaves.add(h);
        events += h.seq();
    }

    /** A row of (id, last_seq, last_hash). */
    @Override
    public void row(ResultSet rs) throws SQLException {
        add(new ChainHead(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3)));
    }

    @Override
    public DigestHeads result() {
        return this;
    }
}
