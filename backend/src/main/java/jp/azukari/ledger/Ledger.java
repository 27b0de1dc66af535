package jp.azukari.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static jp.azukari.platform.db.Binds.nullable;

/**
 * Appends events to per-asset hash chains. Every append runs inside the caller's transaction and holds the row
 * lock of that one asset, so appends for unrelated assets never wait for each other.
 */
public class Ledger {

    private static final String INSERT = """
            INSERT INTO custody_event (asset_id, seq, id, contract_id, type, from_party_id, to_party_id, actor_user_id,
                device_id, location, occurred_at, transfer_id, approval_id, incident_id, scanned_payload, refusal_code,
                article, note, prev_hash, hash)
            VALUES (:asset_id, :seq, :id, :contract_id, :type, :from_party_id, :to_party_id, :actor_user_id,
                :device_id, :location, :occurred_at, :transfer_id, :approval_id, :incident_id, :scanned_payload,
                :refusal_code, :article, :note, :prev_hash, :hash)""";

    private final DatabaseClient db;

    public Ledger(DatabaseClient db) {
        this.db = db;
    }

    /** The chain head of an asset whose row the caller has locked (SELECT … FOR UPDATE). */
    public record Head(UUID assetId, int lastSeq, byte[] lastHash) {

        public static Head from(Readable row, String idColumn) {
            return new Head(row.get(idColumn, UUID.class), row.get("last_seq", Integer.class), row.get("last_hash", byte[].class));
        }
    }

    /** Locks the asset, appends, and moves the asset's chain head. */
    public Mono<LedgerEntry> append(NewEvent event) {
        return db.sql("SELECT id, last_seq, last_hash FROM asset WHERE id = :id FOR UPDATE")
                .bind("id", event.assetId())
                .map(row -> Head.from(row, "id"))
                .one()
                .flatMap(head -> appendAfter(head, event))
                .flatMap(entry -> db.sql("UPDATE asset SET last_seq = :seq, last_hash = :hash WHERE id = :id")
                        .bind("seq", entry.seq()).bind("hash", entry.hash()).bind("id", entry.assetId())
                        .then().thenReturn(entry));
    }

    /**
     * Appends after a head the caller has locked; the caller moves the head itself (together with the asset's
     * other columns, in one UPDATE).
     */
    public Mono<LedgerEntry> appendAfter(Head head, NewEvent event) {
        byte[] prev = head.lastSeq() == 0 ? EventHashing.GENESIS : head.lastHash();
        LedgerEntry entry = LedgerEntry.chain(event, head.lastSeq() + 1, UUID.randomUUID(),
                event.occurredAt().truncatedTo(ChronoUnit.MICROS), prev);
        return insert(entry).thenReturn(entry);
    }

    /** Appends a run of events for assets the caller has just created (their chains start here). */
    public Flux<LedgerEntry> appendGenesis(Iterable<NewEvent> events) {
        return Flux.fromIterable(events)
                .map(e -> LedgerEntry.chain(e, 1, UUID.randomUUID(), e.occurredAt().truncatedTo(ChronoUnit.MICROS), EventHashing.GENESIS))
                .concatMap(entry -> insert(entry).thenReturn(entry));
    }

    private Mono<Void> insert(LedgerEntry e) {
        GenericExecuteSpec spec = db.sql(INSERT)
                .bind("asset_id", e.assetId())
                .bind("seq", e.seq())
                .bind("id", e.id())
                .bind("contract_id", e.contractId())
                .bind("type", e.type().name())
                .bind("occurred_at", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .bind("prev_hash", e.prevHash())
                .bind("hash", e.hash());
        spec = nullable(spec, "from_party_id", e.fromPartyId(), UUID.class);
        spec = nullable(spec, "to_party_id", e.toPartyId(), UUID.class);
        spec = nullable(spec, "actor_user_id", e.actorUserId(), UUID.class);
        spec = nullable(spec, "device_id", e.deviceId(), String.class);
        spec = nullable(spec, "location", e.location(), String.class);
        spec = nullable(spec, "transfer_id", e.transferId(), UUID.class);
        spec = nullable(spec, "approval_id", e.approvalId(), UUID.class);
        spec = nullable(spec, "incident_id", e.incidentId(), UUID.class);
        spec = nullable(spec, "scanned_payload", e.scannedPayload(), String.class);
        spec = nullable(spec, "refusal_code", e.refusalCode(), String.class);
        spec = nullable(spec, "article", e.article(), String.class);
        spec = nullable(spec, "note", e.note(), String.class);
        return spec.then();
    }

    static LedgerEntry read(Readable row) {
        return new LedgerEntry(row.get("asset_id", UUID.class), row.get("seq", Integer.class), row.get("id", UUID.class),
                row.get("contract_id", UUID.class), EventType.valueOf(row.get("type", String.class)),
                row.get("from_party_id", UUID.class), row.get("to_party_id", UUID.class), row.get("actor_user_id", UUID.class),
                row.get("device_id", String.class), row.get("location", String.class),
                row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("transfer_id", UUID.class),
                row.get("approval_id", UUID.class), row.get("incident_id", UUID.class), row.get("scanned_payload", String.class),
                row.get("refusal_code", String.class), row.get("article", String.class), row.get("note", String.class),
                row.get("prev_hash", byte[].class), row.get("hash", byte[].class));
    }

    /** An asset's history, oldest first. */
    public Flux<LedgerEntry> history(UUID assetId) {
        return db.sql("SELECT * FROM custody_event WHERE asset_id = :id ORDER BY seq").bind("id", assetId).map(Ledger::read).all();
    }
}
