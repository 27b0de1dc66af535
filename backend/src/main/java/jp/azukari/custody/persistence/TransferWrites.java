package jp.azukari.custody.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.domain.LineStatus;
import jp.azukari.custody.domain.TransferStatus;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The writes of opening a transfer and of ending one without confirming its pending lines. */
public class TransferWrites {

    /** A new transfer: its route and the assets it holds, in line order. */
    public record NewTransfer(
            UUID id,
            TransferKind kind,
            UUID contractId,
            UUID fromPartyId,
            UUID toPartyId,
            UUID approvalId,
            UUID startedBy,
            Instant startedAt,
            UUID[] assetIds) {}

    private final DatabaseClient db;

    public TransferWrites(DatabaseClient db) {
        this.db = db;
    }

    /** The transfer, its lines, and who may now see the assets: one statement. */
    public Mono<Void> insert(NewTransfer t) {
        var spec =
                db.sql(
                                """
                        WITH t AS (
                            INSERT INTO transfer (id, kind, contract_id, from_party_id, to_party_id, approval_id, started_by, started_at)
                            VALUES (:id, :kind, :contract, :from, :to, :approval, :by, :at) RETURNING id),
                        lines AS (
                            INSERT INTO transfer_line (transfer_id, asset_id, line_no)
                            SELECT t.id, u.asset_id, u.n FROM t, unnest(CAST(:assets AS uuid[])) WITH ORDINALITY AS u(asset_id, n))
                        INSERT INTO asset_party_access (asset_id, party_id)
                        SELECT a, p FROM unnest(CAST(:assets AS uuid[])) AS a, unnest(CAST(:parties AS uuid[])) AS p
                        ON CONFLICT DO NOTHING""")
                        .bind("id", t.id())
                        .bind("kind", t.kind().name())
                        .bind("contract", t.contractId())
                        .bind("from", t.fromPartyId())
                        .bind("to", t.toPartyId())
                        .bind("by", t.startedBy())
                        .bind("at", OffsetDateTime.ofInstant(t.startedAt(), ZoneOffset.UTC))
                        .bind("assets", t.assetIds())
                        .bind("parties", new UUID[] {t.fromPartyId(), t.toPartyId()});
        return Binds.nullable(
                        spec,
                        "approval",
                        t.kind() == TransferKind.HANDOFF ? t.approvalId() : null,
                        UUID.class)
                .then();
    }

    /**
     * Ends an open transfer: its pending lines take {@code lines} (CANCELLED or MISSING) and the
     * transfer {@code status} (CANCELLED or COMPLETED). The caller holds the transfer's lock.
     */
    public Mono<Void> end(UUID transferId, LineStatus lines, TransferStatus status, Instant at) {
        return db.sql(
                        "UPDATE transfer_line SET status = :lines WHERE transfer_id = :id AND status = 'PENDING'")
                .bind("id", transferId)
                .bind("lines", lines.name())
                .then()
                .then(
                        db.sql(
                                        "UPDATE transfer SET status = :status, closed_at = :at WHERE id = :id")
                                .bind("id", transferId)
                                .bind("status", status.name())
                                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                                .then());
    }
}
