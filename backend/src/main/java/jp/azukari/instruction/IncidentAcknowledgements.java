package jp.azukari.instruction;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.incident.IncidentService;
import jp.azukari.incident.IncidentView;
import jp.azukari.platform.Access;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Art. 8.3: a CUSTODIAN of the contractor acknowledges each instruction the agency wrote on an
 * incident; the incident's timing (art. 8.2 too) is read from the report, the instructions and
 * their acknowledgements. What an incident the caller may not see answers 404, as {@link
 * IncidentService#find} does.
 */
public class IncidentAcknowledgements {

    private final DatabaseClient db;
    private final IncidentService incidents;
    private final Clock clock;

    public IncidentAcknowledgements(DatabaseClient db, IncidentService incidents, Clock clock) {
        this.db = db;
        this.incidents = incidents;
        this.clock = clock;
    }

    public Mono<IncidentTiming> acknowledge(Actor actor, UUID incidentId, UUID entryId) {
        return Access.require(actor, "acknowledge an incident instruction", Role.CUSTODIAN)
                .then(incidents.find(actor, incidentId))
                .flatMap(
                        i -> {
                            boolean instruction =
                                    i.timeline().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.id().equals(entryId)
                                                                    && "INSTRUCTION"
                                                                            .equals(e.kind()));
                            if (!instruction) {
                                return Mono.error(
                                        Problems.notFound(
                                                "Instruction "
                                                        + entryId
                                                        + " of incident "
                                                        + incidentId));
                            }
                            return db.sql("SELECT contractor_party_id FROM contract WHERE id = :id")
                                    .bind("id", i.contractId())
                                    .map(r -> r.get("contractor_party_id", UUID.class))
                                    .one()
                                    .flatMap(
                                            contractor ->
                                                    contractor.equals(actor.partyId())
                                                            ? Mono.<Void>empty()
                                                            : Mono.error(
                                                                    Problems.forbidden(
                                                                            "The contractor's CUSTODIAN acknowledges the agency's instructions")));
                        })
                .then(
                        db.sql(
                                        """
                                INSERT INTO incident_instruction_ack (entry_id, acknowledged_by, acknowledged_at)
                                VALUES (:entry, :by, :at) ON CONFLICT (entry_id) DO NOTHING""")
                                .bind("entry", entryId)
                                .bind("by", actor.userId())
                                .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                                .fetch()
                                .rowsUpdated())
                .flatMap(
                        n ->
                                n == 1
                                        ? Mono.<Void>empty()
                                        : Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "INSTRUCTION_ALREADY_ACKNOWLEDGED",
                                                        "8",
                                                        "Instruction "
                                                                + entryId
                                                                + " was already acknowledged")))
                .then(timing(actor, incidentId));
    }

    public Mono<IncidentTiming> timing(Actor actor, UUID incidentId) {
        return incidents.find(actor, incidentId).flatMap(this::timing);
    }

    /** The timing of an incident already read in scope (also used by the compliance report). */
    public Mono<IncidentTiming> timing(IncidentView i) {
        return db.sql(
                        """
                        SELECT k.* FROM incident_instruction_ack k JOIN incident_entry e ON e.id = k.entry_id
                         WHERE e.incident_id = :id""")
                .bind("id", i.id())
                .map(
                        r ->
                                Map.entry(
                                        r.get("entry_id", UUID.class),
                                        new Object[] {
                                            r.get("acknowledged_by", UUID.class),
                                            r.get("acknowledged_at", OffsetDateTime.class)
                                                    .toInstant()
                                        }))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(
                        acks ->
                                new IncidentTiming(
                                        i.id(),
                                        i.contractId(),
                                        i.occurredAt(),
                                        i.reportedAt(),
                                        IncidentTiming.minutes(i.occurredAt(), i.reportedAt()),
                                        i.timeline().stream()
                                                .filter(e -> "INSTRUCTION".equals(e.kind()))
                                                .map(
                                                        e -> {
                                                            Object[] ack = acks.get(e.id());
                                                            Instant at =
                                                                    ack == null
                                                                            ? null
                                                                            : (Instant) ack[1];
                                                            return new IncidentTiming.Instruction(
                                                                    e.id(),
                                                                    e.text(),
                                                                    e.writtenAt(),
                                                                    ack == null
                                                                            ? null
                                                                            : (UUID) ack[0],
                                                                    at,
                                                                    at == null
                                                                            ? null
                                                                            : IncidentTiming
                                                                                    .minutes(
                                                                                            e
                                                                                                    .writtenAt(),
                                                                                            at));
                                                        })
                                                .toList()));
    }
}
