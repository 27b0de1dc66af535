package jp.azukari.ledger;

import static jp.azukari.platform.db.Binds.nullable;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to per-asset hash chains. Every append runs inside the caller's transaction and
 * holds the row lock of that one asset, so appends for unrelated assets never wait for each other.
 */
public class Ledger {

    private final DatabaseClient db;

    public Ledger(DatabaseClient db) {
        this.db = db;
    }

    /** The chain head of an asset whose row the caller has locked (SELECT … FOR UPDATE). */
    public record Head(UUID assetId, int lastSeq, byte[] lastHash) {

        public static Head from(Readable row, String idColumn) {
            return new Head(
                    row.get(idColumn, UUID.class),
                    row.get("last_seq", Integer.class),
                    row.get("last_hash", byte[].class));
        }
    }

    /** Locks the asset, appends, and moves the asset's chain head. */
    public Mono<LedgerEntry> append(NewEvent event) {
        return db.sql("SELECT id, last_seq, last_hash FROM asset WHERE id = :id FOR UPDATE")
                .bind("id", event.assetId())
                .map(row -> Head.from(row, "id"))
                .one()
                .flatMap(head -> appendAfter(head, event))
                .flatMap(
                        entry ->
                                db.sql(
                                                "UPDATE asset SET last_seq = :seq, last_hash = :hash WHERE id = :id")
                                        .bind("seq", entry.seq())
                                        .bind("hash", entry.hash())
                                        .bind("id", entry.assetId())
                                        .then()
                                        .thenReturn(entry));
    }

    /**
     * Appends after a head the caller has locked; the caller moves the head itself (together with
     * the asset's other columns, in one UPDATE).
     */
    public Mono<LedgerEntry> appendAfter(Head head, NewEvent event) {
        byte[] prev = head.lastSeq() == 0 ? EventHashing.GENESIS : head.lastHash();
        LedgerEntry entry =
                LedgerEntry.chain(
                        event,
                        head.lastSeq() + 1,
                        UUID.randomUUID(),
                        event.occurredAt().truncatedTo(ChronoUnit.MICROS),
                        prev);
        return insertAll(List.of(entry)).thenReturn(entry);
    }

    /**
     * Appends the first event of assets the caller has just created (their chains start here), in
     * one statement.
     */
    public Flux<LedgerEntry> appendGenesis(Iterable<NewEvent> events) {
        List<LedgerEntry> entries = new ArrayList<>();
        events.forEach(
                e ->
                        entries.add(
                                LedgerEntry.chain(
                                        e,
                                        1,
                                        UUID.randomUUID(),
                                        e.occurredAt().truncatedTo(ChronoUnit.MICROS),
                                        EventHashing.GENESIS)));
        return insertAll(entries).thenMany(Flux.fromIterable(entries));
    }

    /**
     * Appends many events in three statements whatever their number: lock the assets (in id order),
     * insert every event, move every head. Events of one asset are chained in the order given.
     */
    public Mono<List<LedgerEntry>> appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        UUID[] ids =
                events.stream().map(NewEvent::assetId).distinct().sorted().toArray(UUID[]::new);
        return db.sql(
                        "SELECT id, last_seq, last_hash FROM asset WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .bind("ids", ids)
                .map(row -> Head.from(row, "id"))
                .all()
                .collectMap(Head::assetId)
                .flatMap(
                        heads -> {
                            List<LedgerEntry> entries = chain(heads, events);
                            return insertAll(entries).then(moveHeads(entries)).thenReturn(entries);
                        });
    }

    /** Chains events onto heads the caller has locked; pure, nothing written. */
    public List<LedgerEntry> chain(Map<UUID, Head> heads, List<NewEvent> events) {
        Map<UUID, Head> current = new HashMap<>(heads);
        List<LedgerEntry> entries = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            Head head = current.get(e.assetId());
            if (head == null) {
                throw new IllegalStateException("no locked head for asset " + e.assetId());
            }
            byte[] prev = head.lastSeq() == 0 ? EventHashing.GENESIS : head.lastHash();
            LedgerEntry entry =
                    LedgerEntry.chain(
                            e,
                            head.lastSeq() + 1,
                            UUID.randomUUID(),
                            e.occurredAt().truncatedTo(ChronoUnit.MICROS),
                            prev);
            entries.add(entry);
            current.put(e.assetId(), new Head(e.assetId(), entry.seq(), entry.hash()));
        }
        return entries;
    }

    /** Moves each asset's chain head to the last of these entries for it. */
    public Mono<Void> moveHeads(List<LedgerEntry> entries) {
        Map<UUID, LedgerEntry> last = new LinkedHashMap<>();
        entries.forEach(e -> last.put(e.assetId(), e));
        HexFormat hex = HexFormat.of();
        return db.sql(
                        """
                        UPDATE asset a SET last_seq = u.seq, last_hash = decode(u.hash, 'hex')
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:seqs AS int[]), CAST(:hashes AS text[])) AS u(id, seq, hash)
                         WHERE a.id = u.id""")
                .bind("ids", last.keySet().toArray(UUID[]::new))
                .bind("seqs", last.values().stream().map(LedgerEntry::seq).toArray(Integer[]::new))
                .bind(
                        "hashes",
                        last.values().stream()
                                .map(e -> hex.formatHex(e.hash()))
                                .toArray(String[]::new))
                .then();
    }

    /** Inserts entries in one statement. */
    public Mono<Void> insertAll(List<LedgerEntry> entries) {
        Insertion insertion = insertion(entries);
        return insertion.bind(db.sql(insertion.sql())).then();
    }

    /**
     * The INSERT of some entries as SQL text and the values it needs, for a caller that writes more
     * in the same statement (as a data-modifying {@code WITH} query). Its bind parameters all start
     * with {@code ev_}.
     */
    public record Insertion(String sql, UnaryOperator<GenericExecuteSpec> binds) {

        public GenericExecuteSpec bind(GenericExecuteSpec spec) {
            return binds.apply(spec);
        }
    }

    public Insertion insertion(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to insert");
        }
        return entries.size() == 1 ? single(entries.get(0)) : many(entries);
    }

    private static final String COLUMNS =
            """
            INSERT INTO custody_event (asset_id, seq, id, contract_id, type, from_party_id, to_party_id, actor_user_id,
                device_id, location, occurred_at, transfer_id, approval_id, incident_id, scanned_payload, refusal_code,
                article, note, prev_hash, hash)
            """;

    private static Insertion single(LedgerEntry e) {
        return new Insertion(
                COLUMNS
                        + """
                VALUES (:ev_asset_id, :ev_seq, :ev_id, :ev_contract_id, :ev_type, :ev_from_party_id, :ev_to_party_id,
                    :ev_actor_user_id, :ev_device_id, :ev_location, :ev_occurred_at, :ev_transfer_id, :ev_approval_id,
                    :ev_incident_id, :ev_scanned_payload, :ev_refusal_code, :ev_article, :ev_note, :ev_prev_hash, :ev_hash)""",
                spec -> {
                    spec =
                            spec.bind("ev_asset_id", e.assetId())
                                    .bind("ev_seq", e.seq())
                                    .bind("ev_id", e.id())
                                    .bind("ev_contract_id", e.contractId())
                                    .bind("ev_type", e.type().name())
                                    .bind(
                                            "ev_occurred_at",
                                            OffsetDateTime.ofInstant(
                                                    e.occurredAt(), ZoneOffset.UTC))
                                    .bind("ev_prev_hash", e.prevHash())
                                    .bind("ev_hash", e.hash());
                    spec = nullable(spec, "ev_from_party_id", e.fromPartyId(), UUID.class);
                    spec = nullable(spec, "ev_to_party_id", e.toPartyId(), UUID.class);
                    spec = nullable(spec, "ev_actor_user_id", e.actorUserId(), UUID.class);
                    spec = nullable(spec, "ev_device_id", e.deviceId(), String.class);
                    spec = nullable(spec, "ev_location", e.location(), String.class);
                    spec = nullable(spec, "ev_transfer_id", e.transferId(), UUID.class);
                    spec = nullable(spec, "ev_approval_id", e.approvalId(), UUID.class);
                    spec = nullable(spec, "ev_incident_id", e.incidentId(), UUID.class);
                    spec = nullable(spec, "ev_scanned_payload", e.scannedPayload(), String.class);
                    spec = nullable(spec, "ev_refusal_code", e.refusalCode(), String.class);
                    spec = nullable(spec, "ev_article", e.article(), String.class);
                    return nullable(spec, "ev_note", e.note(), String.class);
                });
    }

    /**
     * Any number of entries as parallel arrays, one bind parameter per column whatever their
     * number.
     */
    private static Insertion many(List<LedgerEntry> entries) {
        int n = entries.size();
        HexFormat hex = HexFormat.of();
        String[][] cols = new String[18][n];
        Integer[] seqs = new Integer[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry e = entries.get(i);
            seqs[i] = e.seq();
            Object[] values = {
                e.assetId(),
                e.id(),
                e.contractId(),
                e.type(),
                e.fromPartyId(),
                e.toPartyId(),
                e.actorUserId(),
                e.deviceId(),
                e.location(),
                e.occurredAt(),
                e.transferId(),
                e.approvalId(),
                e.incidentId(),
                e.scannedPayload(),
                e.refusalCode(),
                e.article(),
                e.note(),
                null
            };
            for (int c = 0; c < 17; c++) {
                cols[c][i] = values[c] == null ? null : values[c].toString();
            }
            cols[17][i] = hex.formatHex(e.prevHash()) + ":" + hex.formatHex(e.hash());
        }
        return new Insertion(
                COLUMNS
                        + """
                SELECT CAST(u.asset_id AS uuid), u.seq, CAST(u.id AS uuid), CAST(u.contract_id AS uuid), u.type,
                       CAST(u.from_party AS uuid), CAST(u.to_party AS uuid), CAST(u.actor AS uuid), u.device, u.location,
                       CAST(u.occurred_at AS timestamptz), CAST(u.transfer AS uuid), CAST(u.approval AS uuid),
                       CAST(u.incident AS uuid), u.payload, u.code, u.article, u.note,
                       decode(split_part(u.hashes, ':', 1), 'hex'), decode(split_part(u.hashes, ':', 2), 'hex')
                  FROM unnest(CAST(:ev_c0 AS text[]), CAST(:ev_seqs AS int[]), CAST(:ev_c1 AS text[]), CAST(:ev_c2 AS text[]),
                              CAST(:ev_c3 AS text[]), CAST(:ev_c4 AS text[]), CAST(:ev_c5 AS text[]), CAST(:ev_c6 AS text[]),
                              CAST(:ev_c7 AS text[]), CAST(:ev_c8 AS text[]), CAST(:ev_c9 AS text[]), CAST(:ev_c10 AS text[]),
                              CAST(:ev_c11 AS text[]), CAST(:ev_c12 AS text[]), CAST(:ev_c13 AS text[]), CAST(:ev_c14 AS text[]),
                              CAST(:ev_c15 AS text[]), CAST(:ev_c16 AS text[]), CAST(:ev_c17 AS text[]))
                       AS u(asset_id, seq, id, contract_id, type, from_party, to_party, actor, device, location,
                            occurred_at, transfer, approval, incident, payload, code, article, note, hashes)""",
                spec -> {
                    spec = spec.bind("ev_seqs", seqs);
                    for (int c = 0; c < cols.length; c++) {
                        spec = spec.bind("ev_c" + c, cols[c]);
                    }
                    return spec;
                });
    }

    public static LedgerEntry read(Readable row) {
        return new LedgerEntry(
                row.get("asset_id", UUID.class),
                row.get("seq", Integer.class),
                row.get("id", UUID.class),
                row.get("contract_id", UUID.class),
                EventType.valueOf(row.get("type", String.class)),
                row.get("from_party_id", UUID.class),
                row.get("to_party_id", UUID.class),
                row.get("actor_user_id", UUID.class),
                row.get("device_id", String.class),
                row.get("location", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                row.get("transfer_id", UUID.class),
                row.get("approval_id", UUID.class),
                row.get("incident_id", UUID.class),
                row.get("scanned_payload", String.class),
                row.get("refusal_code", String.class),
                row.get("article", String.class),
                row.get("note", String.class),
                row.get("prev_hash", byte[].class),
                row.get("hash", byte[].class));
    }

    /** An asset's history, oldest first. */
    public Flux<LedgerEntry> history(UUID assetId) {
        return db.sql("SELECT * FROM custody_event WHERE asset_id = :id ORDER BY seq")
                .bind("id", assetId)
                .map(Ledger::read)
                .all();
    }
}
