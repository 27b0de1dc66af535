package jp.azukari.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading the evidence: AUDITORs only, newest first, by time range, user and kinds. */
public class EvidenceQuery {

    public record Filter(
            Instant from,
            Instant to,
            UUID userId,
            List<EvidenceLog.Kind> kinds,
            int limit,
            long offset) {}

    private final DatabaseClient db;

    public EvidenceQuery(DatabaseClient db) {
        this.db = db;
    }

    public Flux<EvidenceView> list(Actor actor, Filter f) {
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            return Flux.error(Problems.invalidField("to", "must not be before from"));
        }
        var spec =
                db.sql(
                                """
                        SELECT * FROM evidence
                         WHERE kind = ANY(CAST(:kinds AS text[]))
                           AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
                           AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
                           AND (CAST(:user AS uuid) IS NULL OR user_id = :user)
                         ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset""")
                        .bind("kinds", f.kinds().stream().map(Enum::name).toArray(String[]::new))
                        .bind("limit", f.limit())
                        .bind("offset", f.offset());
        spec = Binds.nullable(spec, "from", f.from(), Instant.class);
        spec = Binds.nullable(spec, "to", f.to(), Instant.class);
        spec = Binds.nullable(spec, "user", f.userId(), UUID.class);
        var query = spec;
        return Access.require(actor, "read evidence", Role.AUDITOR)
                .thenMany(Flux.defer(() -> query.map(EvidenceView::read).all()));
    }

    Mono<Void> allowed(Actor actor) {
        return Access.require(actor, "read evidence", Role.AUDITOR);
    }
}
