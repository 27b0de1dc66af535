package jp.azukari.access;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.db.Binds;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The access log as an AUDITOR (or MANAGER) searches it: by asset, user, contract and day range,
 * oldest first.
 */
public class AccessLogSearch {

    public record Filter(
            UUID assetId, UUID userId, UUID contractId, LocalDate from, LocalDate to) {}

    public record Entry(
            long id,
            Instant occurredAt,
            UUID userId,
            String username,
            UUID partyId,
            String partyName,
            UUID assetId,
            String tag,
            UUID contractId,
            String action,
            String outcome,
            String refusalCode,
            String deviceId,
            String address) {}

    private final DatabaseClient db;
    private final AgencyTimeZone zone;

    public AccessLogSearch(DatabaseClient db, AgencyTimeZone zone) {
        this.db = db;
        this.zone = zone;
    }

    /** {@code limit} null: every matching entry (the CSV export streams them). */
    public Flux<Entry> search(Actor actor, Filter f, Integer limit, int offset) {
        var spec =
                db.sql(
                                """
                        SELECT l.*, u.username, p.name AS party_name, a.tag
                          FROM asset_access l
                          LEFT JOIN app_user u ON u.id = l.user_id
                          LEFT JOIN party p ON p.id = l.party_id
                          LEFT JOIN asset a ON a.id = l.asset_id
                         WHERE (CAST(:asset AS uuid) IS NULL OR l.asset_id = :asset)
                           AND (CAST(:user AS uuid) IS NULL OR l.user_id = :user)
                           AND (CAST(:contract AS uuid) IS NULL OR l.contract_id = :contract)
                           AND (CAST(:from AS timestamptz) IS NULL OR l.occurred_at >= :from)
                           AND (CAST(:until AS timestamptz) IS NULL OR l.occurred_at < :until)
                         ORDER BY l.occurred_at, l.id
                         LIMIT :limit OFFSET :offset""")
                        .bind("limit", limit == null ? Long.MAX_VALUE : limit)
                        .bind("offset", offset);
        spec = Binds.nullable(spec, "asset", f.assetId(), UUID.class);
        spec = Binds.nullable(spec, "user", f.userId(), UUID.class);
        spec = Binds.nullable(spec, "contract", f.contractId(), UUID.class);
        // days are the agency's: from its midnight to the midnight after {@code to}
        // days are the agency's: from its midnight to the midnight after 'to'
        spec =
                Binds.nullable(
                        spec,
                        "from",
                        f.from() == null
                                ? null
                                : f.from().atStartOfDay(zone.zone()).toOffsetDateTime(),
                        OffsetDateTime.class);
        spec =
                Binds.nullable(
                        spec,
                        "until",
                        f.to() == null
                                ? null
                                : f.to().plusDays(1).atStartOfDay(zone.zone()).toOffsetDateTime(),
                        OffsetDateTime.class);
        var query = spec.filter(s -> s.fetchSize(1000)).map(AccessLogSearch::read).all();
        return mayRead(actor).thenMany(query);
    }

    public static Mono<Void> mayRead(Actor actor) {
        return Access.require(actor, "search the access log", Role.AUDITOR, Role.MANAGER);
    }

    private static Entry read(Readable r) {
        return new Entry(
                r.get("id", Long.class),
                r.get("occurred_at", OffsetDateTime.class).toInstant(),
                r.get("user_id", UUID.class),
                r.get("username", String.class),
                r.get("party_id", UUID.class),
                r.get("party_name", String.class),
                r.get("asset_id", UUID.class),
                r.get("tag", String.class),
                r.get("contract_id", UUID.class),
                r.get("action", String.class),
                r.get("outcome", String.class),
                r.get("refusal_code", String.class),
                r.get("device_id", String.class),
                r.get("address", String.class));
    }
}
