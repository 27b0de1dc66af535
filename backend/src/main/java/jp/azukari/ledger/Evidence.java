package jp.azukari.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refused attempts across the agency (SPEC §4 "refusals are evidence"): every ledger event that
 * carries a rule code, newest first, filtered by rule code, article, a party involved (sender,
 * receiver or the attempting user's party) and a span of days in the agency's time zone.
 */
public class Evidence {

    public static final int MAX_ROWS = 10_000;

    private final DatabaseClient db;
    private final ZoneId zone;

    public Evidence(DatabaseClient db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    public record Filter(String code, String article, UUID partyId, LocalDate from, LocalDate to) {}

    public record Item(
            UUID assetId,
            String tag,
            int seq,
            String type,
            String refusalCode,
            String article,
            Instant occurredAt,
            String actorName,
            String actorParty,
            String fromParty,
            String toParty,
            String deviceId,
            String scannedPayload,
            UUID transferId,
            String contractNumber,
            String note) {}

    public Flux<Item> find(Actor actor, Filter f, int limit) {
        var spec =
                db.sql(
                                """
                        SELECT e.asset_id, a.tag, e.seq, e.type, e.refusal_code, e.article, e.occurred_at, u.display_name AS actor,
                               up.name AS actor_party, fp.name AS from_party, tp.name AS to_party, e.device_id, e.scanned_payload,
                               e.transfer_id, c.number AS contract_number, e.note
                          FROM custody_event e
                          JOIN asset a ON a.id = e.asset_id
                          JOIN contract c ON c.id = e.contract_id
                          LEFT JOIN app_user u ON u.id = e.actor_user_id
                          LEFT JOIN party up ON up.id = u.party_id
                          LEFT JOIN party fp ON fp.id = e.from_party_id
                          LEFT JOIN party tp ON tp.id = e.to_party_id
                         WHERE e.refusal_code IS NOT NULL
                           AND (CAST(:code AS text) IS NULL OR e.refusal_code = :code)
                           AND (CAST(:article AS text) IS NULL OR e.article = :article)
                           AND (CAST(:party AS uuid) IS NULL OR :party IN (e.from_party_id, e.to_party_id, u.party_id))
                           AND (CAST(:since AS timestamptz) IS NULL OR e.occurred_at >= :since)
                           AND (CAST(:until AS timestamptz) IS NULL OR e.occurred_at < :until)
                         ORDER BY e.occurred_at DESC, e.asset_id, e.seq
                         LIMIT :limit""")
                        .bind("limit", Math.min(limit, MAX_ROWS));
        spec = Binds.nullable(spec, "code", blank(f.code()), String.class);
        spec = Binds.nullable(spec, "article", blank(f.article()), String.class);
        spec = Binds.nullable(spec, "party", f.partyId(), UUID.class);
        spec =
                Binds.nullable(
                        spec,
                        "since",
                        f.from() == null ? null : f.from().atStartOfDay(zone).toOffsetDateTime(),
                        java.time.OffsetDateTime.class);
        spec =
                Binds.nullable(
                        spec,
                        "until",
                        f.to() == null
                                ? null
                                : f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                        java.time.OffsetDateTime.class);
        var query = spec;
        return allowed(actor)
                .thenMany(
                        query.map(
                                        r ->
                                                new Item(
                                                        r.get("asset_id", UUID.class),
                                                        r.get("tag", String.class),
                                                        r.get("seq", Integer.class),
                                                        r.get("type", String.class),
                                                        r.get("refusal_code", String.class),
                                                        r.get("article", String.class),
                                                        r.get(
                                                                        "occurred_at",
                                                                        java.time.OffsetDateTime
                                                                                .class)
                                                                .toInstant(),
                                                        r.get("actor", String.class),
                                                        r.get("actor_party", String.class),
                                                        r.get("from_party", String.class),
                                                        r.get("to_party", String.class),
                                                        r.get("device_id", String.class),
                                                        r.get("scanned_payload", String.class),
                                                        r.get("transfer_id", UUID.class),
                                                        r.get("contract_number", String.class),
                                                        r.get("note", String.class)))
                                .all());
    }

    /** Completes when the actor may read the evidence, else a 403 problem. */
    public Mono<Void> allowed(Actor actor) {
        return Access.require(
                actor, "read the evidence of refused attempts", Role.AUDITOR, Role.MANAGER);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
