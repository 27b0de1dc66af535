package jp.azukari.ledger;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
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
        return entries.size() == 1
                ? LedgerInsertions.single(entries.get(0))
                : LedgerInsertions.many(entries);
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
