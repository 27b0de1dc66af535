package jp.azukari.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.custody.CustodyRefusedException;
import jp.azukari.custody.domain.Decision;
import jp.azukari.custody.domain.Refusal;
import jp.azukari.platform.Access;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Handling an incident (art. 8.3), for a MANAGER: instructions on its timeline and status changes,
 * each under the incident's row lock.
 */
final class IncidentHandling {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final IncidentReads reads;

    IncidentHandling(
            DatabaseClient db, TransactionalOperator tx, Clock clock, IncidentReads reads) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.reads = reads;
    }

    Mono<IncidentView> instruct(Actor actor, UUID id, String text) {
        Mono<Void> work =
                lock(id).flatMap(
                                status ->
                                        IncidentRules.instruct(status)
                                                        instanceof Decision.Refused refused
                                                ? Mono.error(
                                                        CustodyRefusedException.answer(
                                                                "incident-closed",
                                                                "Conflict",
                                                                new Refusal(
                                                                        refused.refusal().code(),
                                                                        "Incident "
                                                                                + id
                                                                                + " is CLOSED")))
                                                : entry(actor, id, "INSTRUCTION", null, text));
        return Access.require(actor, "give instructions on incidents", Role.MANAGER)
                .then(tx.transactional(work))
                .then(reads.find(actor, id));
    }

    Mono<IncidentView> move(Actor actor, UUID id, IncidentRules.Status to, String note) {
        Instant now = clock.instant();
        Mono<Void> work =
                lock(id).flatMap(
                                from ->
                                        IncidentRules.move(from, to)
                                                        instanceof Decision.Refused refused
                                                ? Mono.<Void>error(
                                                        CustodyRefusedException.answer(
                                                                "incident-status",
                                                                "Conflict",
                                                                refused.refusal()))
                                                : status(actor, id, to, now)
                                                        .then(
                                                                entry(
                                                                        actor,
                                                                        id,
                                                                        "STATUS_CHANGE",
                                                                        to,
                                                                        note)));
        return Access.require(actor, "change an incident's status", Role.MANAGER)
                .then(tx.transactional(work))
                .then(reads.find(actor, id));
    }

    private Mono<Void> status(Actor actor, UUID id, IncidentRules.Status to, Instant now) {
        if (to != IncidentRules.Status.CLOSED) {
            return db.sql("UPDATE incident SET status = :status WHERE id = :id")
                    .bind("status", to.name())
                    .bind("id", id)
                    .then();
        }
        return db.sql(
                        "UPDATE incident SET status = :status, closed_by = :by, closed_at = :at WHERE id = :id")
                .bind("status", to.name())
                .bind("id", id)
                .bind("by", actor.userId())
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .then();
    }

    private Mono<IncidentRules.Status> lock(UUID id) {
        return db.sql("SELECT status FROM incident WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(r -> IncidentRules.Status.valueOf(r.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Incident " + id)));
    }

    /**
     * Appends to the timeline; the caller holds the incident's row lock, so entry numbers never
     * collide.
     */
    private Mono<Void> entry(
            Actor actor, UUID incidentId, String kind, IncidentRules.Status status, String text) {
        var spec =
                db.sql(
                                """
                        INSERT INTO incident_entry (id, incident_id, entry_no, kind, status, text, written_by, written_at)
                        SELECT :id, :incident, COALESCE(max(e.entry_no), 0) + 1, :kind, :status, :text, :by, :at
                          FROM incident_entry e WHERE e.incident_id = :incident""")
                        .bind("id", UUID.randomUUID())
                        .bind("incident", incidentId)
                        .bind("kind", kind)
                        .bind("by", actor.userId())
                        .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        spec = Binds.nullable(spec, "status", status == null ? null : status.name(), String.class);
        spec = Binds.nullable(spec, "text", text, String.class);
        return spec.then();
    }
}
