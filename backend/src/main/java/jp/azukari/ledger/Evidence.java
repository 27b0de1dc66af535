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
 * carries a rule code and, for an auditor, every attempt kept in {@code evidence} (V11), newest
 * first, filtered by rule code, article, a party involved (sender, receiver or the attempting
 * user's party) and a span of days in the agency's time zone.
 */
public class Evidence {

    public static final int MAX_ROWS = 10_000;

    private final DatabaseClient db;
    private final jp.azukari.platform.AgencyTimeZone agencyZone;

    public Evidence(DatabaseClient db, jp.azukari.platform.AgencyTimeZone zone) {
        this.db = db;
        this.agencyZone = zone;
    }

    public record Filter(String code, String article, UUID partyId, LocalDate from, LocalDate to) {}

    /**
     * One refused attempt: a refused custody event of an asset's ledger, or (type {@code ATTEMPT},
     * no asset) a row of {@code evidence} — a forged, foreign or malformed label presented, a
     * requester deciding their own approval — with the endpoint it was sent to.
     */
    public record Item(
            UUID assetId,
            String tag,
            Integer seq,
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
            String note,
            String endpoint) {}

    /**
     * The rows of {@code evidence} (attempts that touched no asset) are the AUDITOR's, as {@code
     * GET /api/v1/evidence/*} are; a MANAGER sees the refused custody events.
     */
    static final Role ATTEMPTS_READER = Role.AUDITOR;

    public Flux<Item> find(Actor actor, Filter f, int limit) {
        ZoneId zone = agencyZone.zone();
        var spec =
                db.sql(
                                """
                        SELECT * FROM (
                        SELECT e.asset_id, a.tag, e.seq, e.type, e.refusal_code, e.article, e.occurred_at, u.display_name AS actor,
                               up.name AS actor_party, fp.name AS from_party, tp.name AS to_party, e.device_id, e.scanned_payload,
                               e.transfer_id, c.number AS contract_number, e.note, CAST(NULL AS text) AS endpoint
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
                        UNION ALL
                        SELECT CAST(NULL AS uuid), NULL, CAST(NULL AS int), 'ATTEMPT', v.kind, v.article, v.occurred_at,
                               coalesce(u.display_name, v.username), up.name, NULL, NULL, v.device_id, v.presented,
                               CAST(NULL AS uuid), NULL, v.detail, v.endpoint
                          FROM evidence v
                          LEFT JOIN app_user u ON u.id = v.user_id
                          LEFT JOIN party up ON up.id = u.party_id
                         WHERE :attempts
                           AND (CAST(:code AS text) IS NULL OR v.kind = :code)
                           AND (CAST(:article AS text) IS NULL OR v.article = :article)
                           AND (CAST(:party AS uuid) IS NULL OR u.party_id = :party)
                           AND (CAST(:since AS timestamptz) IS NULL OR v.occurred_at >= :since)
                           AND (CAST(:until AS timestamptz) IS NULL OR v.occurred_at < :until)
                        ) x
                         ORDER BY occurred_at DESC, asset_id, seq
                         LIMIT :limit""")
                        .bind("limit", Math.min(limit, MAX_ROWS))
                        .bind("attempts", actor.role() == ATTEMPTS_READER);
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
        return allowed(actor).thenMany(query.map(Evidence::item).all());
    }

    private static Item item(io.r2dbc.spi.Readable r) {
        return new Item(
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("seq", Integer.class),
                r.get("type", String.class),
                r.get("refusal_code", String.class),
                r.get("article", String.class),
                r.get("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                r.get("actor", String.class),
                r.get("actor_party", String.class),
                r.get("from_party", String.class),
                r.get("to_party", String.class),
                r.get("device_id", String.class),
                r.get("scanned_payload", String.class),
                r.get("transfer_id", UUID.class),
                r.get("contract_number", String.class),
                r.get("note", String.class),
                r.get("endpoint", String.class));
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
