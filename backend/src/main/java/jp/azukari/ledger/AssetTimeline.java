package jp.azukari.ledger;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * An asset's ledger as an auditor reads it: every event in order with the names behind its ids, and
 * each link checked as the verification checks it (sequence, {@code prev_hash}, the event's own
 * hash), so a broken link is marked where it is.
 */
public class AssetTimeline {

    private final DatabaseClient db;

    public AssetTimeline(DatabaseClient db) {
        this.db = db;
    }

    public record Asset(
            UUID id,
            String tag,
            String title,
            UUID contractId,
            String contractNumber,
            String custodyState,
            String holderName,
            int lastSeq) {}

    /**
     * One event. {@code broken} names what does not hold at this link (null when it holds); after a
     * broken link the chain is not trusted, so later events are {@code afterBreak}.
     */
    public record Entry(
            int seq,
            String type,
            String fromParty,
            String toParty,
            String actorName,
            String actorUsername,
            String deviceId,
            String location,
            Instant occurredAt,
            UUID transferId,
            String transferKind,
            UUID approvalId,
            UUID incidentId,
            String scannedPayload,
            String refusalCode,
            String article,
            String note,
            String prevHash,
            String hash,
            String broken,
            boolean afterBreak) {

        public boolean refusal() {
            return refusalCode != null
                    || "REFUSED".equals(type)
                    || "SCANNED_UNEXPECTED".equals(type);
        }
    }

    public record Timeline(Asset asset, List<Entry> entries, boolean intact) {}

    public Mono<Timeline> of(Actor actor, UUID assetId) {
        Mono<Asset> asset =
                db.sql(
                                """
                        SELECT a.id, a.tag, a.title, a.contract_id, c.number, a.custody_state, p.name AS holder, a.last_seq
                          FROM asset a JOIN contract c ON c.id = a.contract_id JOIN party p ON p.id = a.holder_party_id
                         WHERE a.id = :id""")
                        .bind("id", assetId)
                        .map(
                                r ->
                                        new Asset(
                                                r.get("id", UUID.class),
                                                r.get("tag", String.class),
                                                r.get("title", String.class),
                                                r.get("contract_id", UUID.class),
                                                r.get("number", String.class),
                                                r.get("custody_state", String.class),
                                                r.get("holder", String.class),
                                                r.get("last_seq", Integer.class)))
                        .one();
        return Access.require(actor, "read an asset's ledger timeline", Role.AUDITOR, Role.MANAGER)
                .then(asset)
                .switchIfEmpty(Mono.error(Problems.notFound("Asset " + assetId)))
                .flatMap(
                        a ->
                                db.sql(EVENTS)
                                        .bind("id", assetId)
                                        .map(
                                                r ->
                                                        new Named(
                                                                Ledger.read(r),
                                                                r.get("from_name", String.class),
                                                                r.get("to_name", String.class),
                                                                r.get("actor_name", String.class),
                                                                r.get(
                                                                        "actor_username",
                                                                        String.class),
                                                                r.get(
                                                                        "transfer_kind",
                                                                        String.class)))
                                        .all()
                                        .collectList()
                                        .map(events -> check(a, events)));
    }

    private record Named(
            LedgerEntry e,
            String from,
            String to,
            String actorName,
            String actorUsername,
            String transferKind) {}

    private static Timeline check(Asset asset, List<Named> events) {
        HexFormat hex = HexFormat.of();
        List<Entry> entries = new ArrayList<>();
        byte[] previous = EventHashing.GENESIS;
        int expected = 1;
        boolean broken = false;
        for (Named n : events) {
            LedgerEntry e = n.e();
            String reason = null;
            if (!broken) {
                if (e.seq() != expected) {
                    reason = "sequence jumps from " + (expected - 1) + " to " + e.seq();
                } else if (!MessageDigest.isEqual(e.prevHash(), previous)) {
                    reason = "prev_hash does not match the hash of event " + (expected - 1);
                } else if (!MessageDigest.isEqual(EventHashing.hash(e), e.hash())) {
                    reason = "hash does not match the event's content";
                }
            }
            entries.add(
                    new Entry(
                            e.seq(),
                            e.type().name(),
                            n.from(),
                            n.to(),
                            n.actorName(),
                            n.actorUsername(),
                            e.deviceId(),
                            e.location(),
                            e.occurredAt(),
                            e.transferId(),
                            n.transferKind(),
                            e.approvalId(),
                            e.incidentId(),
                            e.scannedPayload(),
                            e.refusalCode(),
                            e.article(),
                            e.note(),
                            hex.formatHex(e.prevHash()),
                            hex.formatHex(e.hash()),
                            reason,
                            broken));
            broken |= reason != null;
            previous = e.hash();
            expected = e.seq() + 1;
        }
        boolean headAgrees = asset.lastSeq() == expected - 1;
        return new Timeline(asset, entries, !broken && headAgrees);
    }

    private static final String EVENTS =
            """
            SELECT e.*, fp.name AS from_name, tp.name AS to_name, u.display_name AS actor_name, u.username AS actor_username,
                   t.kind AS transfer_kind
              FROM custody_event e
              LEFT JOIN party fp ON fp.id = e.from_party_id
              LEFT JOIN party tp ON tp.id = e.to_party_id
              LEFT JOIN app_user u ON u.id = e.actor_user_id
              LEFT JOIN transfer t ON t.id = e.transfer_id
             WHERE e.asset_id = :id
             ORDER BY e.seq""";
}
