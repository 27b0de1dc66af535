package jp.azukari.ledger;

import jp.azukari.core.ledger.EventEncoding;

/**
 * The ledger's hashing as the backend calls it: the rule itself (canonical encoding, SHA-256 chain)
 * lives in the core module's {@link EventEncoding}, which the offline verifier shares
 * (docs/ledger.md).
 */
public final class EventHashing {

    public static final byte[] GENESIS = EventEncoding.GENESIS;

    private EventHashing() {}

    public static byte[] hash(LedgerEntry e) {
        return EventEncoding.hash(e.prevHash(), e.event());
    }

    public static byte[] encode(LedgerEntry e) {
        return EventEncoding.encode(e.event());
    }
}
