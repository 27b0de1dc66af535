package jp.azukari.core.ledger;

import java.security.MessageDigest;
import java.util.UUID;

/**
 * Walks one asset's chain, oldest event first: each event must carry the next sequence number, the
 * previous event's hash as its {@code prev_hash}, and the hash of its own canonical encoding. The
 * first break stops the walk; what came before it still stands.
 */
public final class Chain {

    private final UUID assetId;
    private int lastSeq;
    private byte[] lastHash = EventEncoding.GENESIS;
    private long events;
    private Break broken;

    /**
     * Where a chain stops holding: the sequence number of the first event that does not hold, and
     * why.
     */
    public record Break(UUID assetId, int seq, String reason) {}

    public Chain(UUID assetId) {
        this.assetId = assetId;
    }

    /** Takes the next event; false once the chain is broken (by this event or an earlier one). */
    public boolean append(LedgerEvent e) {
        if (broken != null) {
            return false;
        }
        events++;
        if (!assetId.equals(e.assetId())) {
            broken =
                    new Break(
                            assetId,
                            lastSeq + 1,
                            "an event of asset " + e.assetId() + " inside the chain of " + assetId);
        } else if (e.seq() != lastSeq + 1) {
            broken =
                    new Break(
                            assetId,
                            lastSeq + 1,
                            "sequence jumps from " + lastSeq + " to " + e.seq());
        } else if (!MessageDigest.isEqual(e.prevHash(), lastHash)) {
            broken =
                    new Break(
                            assetId,
                            e.seq(),
                            "prev_hash does not match the hash of event " + lastSeq);
        } else if (!MessageDigest.isEqual(EventEncoding.hash(lastHash, e), e.hash())) {
            broken = new Break(assetId, e.seq(), "hash does not match the event's content");
        } else {
            lastSeq = e.seq();
            lastHash = e.hash();
            return true;
        }
        return false;
    }

    public UUID assetId() {
        return assetId;
    }

    /** The last event that holds: sequence 0 and {@link EventEncoding#GENESIS} when none does. */
    public ChainHead head() {
        return new ChainHead(assetId, lastSeq, lastHash);
    }

    public Break broken() {
        return broken;
    }

    public long events() {
        return events;
    }

    /**
     * Compares the walked chain with the head it should end at (the asset's recorded head, or a
     * digest's leaf): a shorter chain, a longer one or another hash is a break. Returns null when
     * it holds.
     */
    public Break against(int expectedSeq, byte[] expectedHash, String whose) {
        if (broken != null) {
            return broken;
        }
        if (lastSeq < expectedSeq) {
            return new Break(
                    assetId,
                    lastSeq + 1,
                    whose + " is at " + expectedSeq + " but the chain ends at " + lastSeq);
        }
        if (lastSeq > expectedSeq) {
            return new Break(
                    assetId,
                    expectedSeq + 1,
                    whose + " is at " + expectedSeq + " but the chain goes on to " + lastSeq);
        }
        if (expectedSeq > 0 && !MessageDigest.isEqual(lastHash, expectedHash)) {
            return new Break(assetId, lastSeq, whose + " has another hash than event " + lastSeq);
        }
        return null;
    }
}
