package jp.azukari.custody.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.custody.TransferView;
import jp.azukari.custody.domain.Custody;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.ledger.EventType;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerEntry;
import jp.azukari.ledger.NewEvent;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes confirmations of any number of transfers in one statement: the ledger events, the lines,
 * the assets (custody and chain heads) and each transfer with no line left pending; it answers each
 * transfer as it now reads. See docs/ledger.md for why one statement and why one line is bound as
 * plain values.
 */
public class ConfirmationStatement {

    /**
     * Where a confirmation was made, the label scanned for each asset, and the receiver's
     * acknowledgement of the handling requirements (art. 2.2), which goes into each event's note.
     */
    public record Place(
            String deviceId,
            String location,
            Map<UUID, String> scannedPayloads,
            HandlingAcknowledgement handling) {}

    /** Lines of one transfer that one caller confirms, as the rules allowed them. */
    public record Write(
            Actor actor, TransferRow transfer, List<LineRow> lines, Custody after, Place place) {}

    private final DatabaseClient db;
    private final Ledger ledger;

    public ConfirmationStatement(DatabaseClient db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** The caller holds the locks, and no asset is in two of the writes. */
    public Mono<Map<UUID, TransferView>> write(List<Write> writes, Instant now) {
        Map<UUID, Ledger.Head> heads = new HashMap<>();
        List<NewEvent> events = new ArrayList<>();
        List<Write> byLine = new ArrayList<>();
        for (Write w : writes) {
            TransferRow t = w.transfer();
            EventType type =
                    switch (t.kind()) {
                        case ISSUE -> EventType.ISSUED;
                        case HANDOFF -> EventType.HANDED_OFF;
                        case RECOVER -> EventType.RECOVERED;
                        case RETURN -> EventType.RETURNED;
                    };
            for (LineRow line : w.lines()) {
                heads.put(line.assetId(), line.head());
                byLine.add(w);
                events.add(
                        NewEvent.of(line.assetId(), t.contractId(), type, w.actor().userId(), now)
                                .parties(t.fromPartyId(), t.toPartyId())
                                .transfer(t.id())
                                .approval(t.approvalId())
                                .device(w.place().deviceId(), w.place().location())
                                .scanned(w.place().scannedPayloads().get(line.assetId()))
                                .note(w.place().handling().note(line.handling()))
                                .build());
            }
        }
        List<LedgerEntry> entries = ledger.chain(heads, events);
        Ledger.Insertion appended = ledger.insertion(entries);
        // One line (a single-asset confirmation, the common case at a counter) is given as plain
        // values so that
        // PostgreSQL keeps one generic plan for the statement; with arrays it re-plans it on every
        // call (measured:
        // planning took longer than running it), which a batch of many lines can afford.
        boolean one = entries.size() == 1;
        String lines =
                one
                        ? """
                SELECT CAST(:transfer AS uuid) AS transfer_id, CAST(:asset AS uuid) AS asset_id, CAST(:seq AS int) AS seq,
                       CAST(:hash AS bytea) AS hash, CAST(:by AS uuid) AS by_user, CAST(:device AS text) AS device,
                       CAST(:state AS text) AS state, CAST(:holder AS uuid) AS holder, CAST(:due AS date) AS due"""
                        : """
                SELECT x.transfer_id, x.asset_id, x.seq, decode(x.hash, 'hex') AS hash, x.by_user, x.device, x.state, x.holder,
                       CAST(x.due AS date) AS due
                  FROM unnest(CAST(:transfers AS uuid[]), CAST(:assets AS uuid[]), CAST(:seqs AS int[]), CAST(:hashes AS text[]),
                              CAST(:bys AS uuid[]), CAST(:devices AS text[]), CAST(:states AS text[]), CAST(:holders AS uuid[]),
                              CAST(:dues AS text[]))
                       AS x(transfer_id, asset_id, seq, hash, by_user, device, state, holder, due)""";
        // What the statement changed is read from the RETURNING of its parts: its other reads see
        // the rows as they
        // were before it. The answer is read starting from the lines written (with "WHERE t.id IN
        // (...)" the planner
        // joined every transfer, line and asset first: 270 ms for 30 lines out of 100,000 instead
        // of 3 ms).
        var spec =
                db.sql(
                                "WITH appended AS ("
                                        + appended.sql()
                                        + "), u AS ("
                                        + lines
                                        + """
                        ),
                        confirmed AS (
                            UPDATE transfer_line l SET status = 'CONFIRMED', confirmed_by = u.by_user, confirmed_at = :at, device_id = u.device
                              FROM u WHERE l.transfer_id = u.transfer_id AND l.asset_id = u.asset_id AND l.status = 'PENDING'
                            RETURNING l.transfer_id, l.asset_id, l.status, l.confirmed_by, l.confirmed_at, l.device_id),
                        moved AS (
                            -- the completion date is read here, not from the earlier lock query, so a contract marked
                            -- COMPLETED meanwhile still makes what is confirmed now due from that day (art. 6)
                            UPDATE asset a SET custody_state = u.state, holder_party_id = u.holder,
                                   due_on = CASE WHEN u.due IS NULL THEN NULL
                                                 ELSE LEAST(u.due, (SELECT c.completed_on FROM contract c WHERE c.id = a.contract_id)) END,
                                   last_seq = u.seq, last_hash = u.hash
                              FROM u WHERE a.id = u.asset_id),
                        completed AS (
                            UPDATE transfer t SET status = 'COMPLETED', closed_at = :at
                             WHERE t.id IN (SELECT transfer_id FROM u) AND t.status = 'OPEN'
                               AND NOT EXISTS (SELECT 1 FROM transfer_line p WHERE p.transfer_id = t.id AND p.status = 'PENDING'
                                                  AND NOT EXISTS (SELECT 1 FROM u WHERE u.transfer_id = p.transfer_id
                                                                                    AND u.asset_id = p.asset_id))
                            RETURNING t.id, t.status, t.closed_at)
                        SELECT t.id, t.kind, coalesce(d.status, t.status) AS status, t.contract_id, t.from_party_id,
                               t.to_party_id, t.approval_id, t.started_by, t.started_at,
                               coalesce(d.closed_at, t.closed_at) AS closed_at,
                               c.number AS contract_number, fp.name AS from_name, tp.name AS to_name,
                               l.line_no, l.asset_id, coalesce(n.status, l.status) AS line_status,
                               coalesce(n.confirmed_by, l.confirmed_by) AS confirmed_by,
                               coalesce(n.confirmed_at, l.confirmed_at) AS confirmed_at,
                               coalesce(n.device_id, l.device_id) AS device_id, a.tag, a.title
                          FROM (SELECT DISTINCT transfer_id FROM u) AS k JOIN transfer t ON t.id = k.transfer_id
                          JOIN contract c ON c.id = t.contract_id
                          JOIN party fp ON fp.id = t.from_party_id JOIN party tp ON tp.id = t.to_party_id
                          LEFT JOIN completed d ON d.id = t.id
                          LEFT JOIN transfer_line l ON l.transfer_id = t.id
                          LEFT JOIN confirmed n ON n.transfer_id = l.transfer_id AND n.asset_id = l.asset_id
                          LEFT JOIN asset a ON a.id = l.asset_id
                         ORDER BY t.id, l.line_no""")
                        .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (one) {
            LedgerEntry e = entries.get(0);
            Write w = writes.get(0);
            spec =
                    spec.bind("transfer", w.transfer().id())
                            .bind("asset", e.assetId())
                            .bind("seq", e.seq())
                            .bind("hash", e.hash())
                            .bind("by", w.actor().userId())
                            .bind("state", w.after().state().name())
                            .bind("holder", w.after().holderPartyId());
            spec = Binds.nullable(spec, "device", w.place().deviceId(), String.class);
            spec = Binds.nullable(spec, "due", w.after().dueOn(), LocalDate.class);
        } else {
            HexFormat hex = HexFormat.of();
            spec =
                    spec.bind(
                                    "transfers",
                                    byLine.stream()
                                            .map(w -> w.transfer().id())
                                            .toArray(UUID[]::new))
                            .bind(
                                    "assets",
                                    entries.stream().map(LedgerEntry::assetId).toArray(UUID[]::new))
                            .bind(
                                    "seqs",
                                    entries.stream().map(LedgerEntry::seq).toArray(Integer[]::new))
                            .bind(
                                    "hashes",
                                    entries.stream()
                                            .map(e -> hex.formatHex(e.hash()))
                                            .toArray(String[]::new))
                            .bind(
                                    "bys",
                                    byLine.stream()
                                            .map(w -> w.actor().userId())
                                            .toArray(UUID[]::new))
                            .bind(
                                    "devices",
                                    byLine.stream()
                                            .map(w -> w.place().deviceId())
                                            .toArray(String[]::new))
                            .bind(
                                    "states",
                                    byLine.stream()
                                            .map(w -> w.after().state().name())
                                            .toArray(String[]::new))
                            .bind(
                                    "holders",
                                    byLine.stream()
                                            .map(w -> w.after().holderPartyId())
                                            .toArray(UUID[]::new))
                            .bind(
                                    "dues",
                                    byLine.stream()
                                            .map(
                                                    w ->
                                                            w.after().dueOn() == null
                                                                    ? null
                                                                    : w.after().dueOn().toString())
                                            .toArray(String[]::new));
        }
        return TransferQueries.readViews(appended.bind(spec));
    }
}
