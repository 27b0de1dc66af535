package jp.azukari.ledger;

import static jp.azukari.platform.db.Binds.nullable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The INSERT of ledger entries: one entry with a bind parameter per column, many as parallel arrays
 * (one bind parameter per column whatever their number). Bind parameters start with {@code ev_}.
 */
final class LedgerInsertions {

    private LedgerInsertions() {}

    private static final String COLUMNS =
            """
            INSERT INTO custody_event (asset_id, seq, id, contract_id, type, from_party_id, to_party_id, actor_user_id,
                device_id, location, occurred_at, transfer_id, approval_id, incident_id, scanned_payload, refusal_code,
                article, note, prev_hash, hash)
            """;

    static Ledger.Insertion single(LedgerEntry e) {
        return new Ledger.Insertion(
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
    static Ledger.Insertion many(List<LedgerEntry> entries) {
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
        return new Ledger.Insertion(
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
}
