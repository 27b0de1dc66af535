package jp.azukari.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.core.ledger.Chain;
import jp.azukari.core.ledger.LedgerEvent;

/**
 * Walks rows of (chain head, event) in asset then sequence order — an asset with no event comes as
 * one row without an event — and checks each chain with the core module's {@link Chain}: sequence
 * without gaps, each {@code prev_hash} the hash before it, each hash SHA-256 of the canonical
 * encoding, and the recorded head equal to the last event. Keeps the first {@link
 * LedgerVerifier#MAX_REPORTED} breaks.
 */
class ChainWalk implements LedgerSnapshot.Partition<ChainWalk> {

    /**
     * The columns {@link #row(ResultSet)} reads, in this order: the head, then the event's
     * canonical fields.
     */
    static final String COLUMNS =
            "a.id AS head_id, a.last_seq, a.last_hash, "
                    + "e.asset_id, e.seq, e.id, e.contract_id, e.type, e.from_party_id, e.to_party_id, e.actor_user_id,"
                    + " e.device_id, e.location, e.occurred_at, e.transfer_id, e.approval_id, e.incident_id,"
                    + " e.scanned_payload, e.refusal_code, e.article, e.note, e.prev_hash, e.hash";

    private Chain chain;
    private int headSeq;
    private byte[] headHash;
    long assets;
    long events;
    long brokenCount;
    final List<Chain.Break> broken = new ArrayList<>();

    void accept(UUID asset, int lastSeq, byte[] lastHash, LedgerEvent event) {
        if (chain == null || !chain.assetId().equals(asset)) {
            finish();
            chain = new Chain(asset);
            headSeq = lastSeq;
            headHash = lastHash;
            assets++;
        }
        if (event != null) {
            events++;
            chain.append(event);
        }
    }

    void finish() {
        if (chain == null) {
            return;
        }
        Chain.Break b = chain.against(headSeq, headHash, "the asset's chain head");
        if (b != null) {
            brokenCount++;
            if (broken.size() < LedgerVerifier.MAX_REPORTED) {
                broken.add(b);
            }
        }
        chain = null;
    }

    @Override
    public void row(ResultSet rs) throws SQLException {
        UUID asset = rs.getObject(1, UUID.class);
        int lastSeq = rs.getInt(2);
        byte[] lastHash = rs.getBytes(3);
        rs.getInt(5);
        LedgerEvent event = rs.wasNull() ? null : event(rs, 4);
        accept(asset, lastSeq, lastHash, event);
    }

    /** The event columns of the canonical encoding, as {@link #event} reads them. */
    static final String EVENT_COLUMNS =
            "e.asset_id, e.seq, e.id, e.contract_id, e.type, e.from_party_id, e.to_party_id, e.actor_user_id,"
                    + " e.device_id, e.location, e.occurred_at, e.transfer_id, e.approval_id, e.incident_id,"
                    + " e.scanned_payload, e.refusal_code, e.article, e.note, e.prev_hash, e.hash";

    /** The event in the 20 columns from {@code first} on ({@link #EVENT_COLUMNS}' order). */
    static LedgerEvent event(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new LedgerEvent(
                rs.getObject(i, UUID.class),
                rs.getInt(i + 1),
                rs.getObject(i + 2, UUID.class),
                rs.getObject(i + 3, UUID.class),
                rs.getString(i + 4),
                rs.getObject(i + 5, UUID.class),
                rs.getObject(i + 6, UUID.class),
                rs.getObject(i + 7, UUID.class),
                rs.getString(i + 8),
                rs.getString(i + 9),
                rs.getObject(i + 10, OffsetDateTime.class).toInstant(),
                rs.getObject(i + 11, UUID.class),
                rs.getObject(i + 12, UUID.class),
                rs.getObject(i + 13, UUID.class),
                rs.getString(i + 14),
                rs.getString(i + 15),
                rs.getString(i + 16),
                rs.getString(i + 17),
                rs.getBytes(i + 18),
                rs.getBytes(i + 19));
    }

    @Override
    public ChainWalk result() {
        finish();
        return this;
    }

    /** Adds another partition's walk (the next in asset order) to this one. */
    void add(ChainWalk other) {
        assets += other.assets;
        events += other.events;
        brokenCount += other.brokenCount;
        for (Chain.Break b : other.broken) {
            if (broken.size() < LedgerVerifier.MAX_REPORTED) {
                broken.add(b);
            }
        }
    }
}
