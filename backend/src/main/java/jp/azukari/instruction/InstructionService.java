package jp.azukari.instruction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Art. 11: a MANAGER instructs further measures under a contract, by a due day; a CUSTODIAN of the
 * contractor acknowledges the instruction, then reports it done. A custodian sees only its own
 * party's contracts' instructions.
 */
public class InstructionService {

    private final DatabaseClient db;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public InstructionService(DatabaseClient db, Clock clock, AgencyTimeZone zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    public Mono<InstructionView> issue(Actor actor, UUID contractId, String text, LocalDate dueOn) {
        if (dueOn.isBefore(zone.today(clock))) {
            return Mono.error(Problems.invalidField("dueOn", "is in the past"));
        }
        UUID id = UUID.randomUUID();
        return mayIssue(actor)
                .then(
                        db.sql("SELECT status FROM contract WHERE id = :id")
                                .bind("id", contractId)
                                .map(r -> r.get("status", String.class))
                                .one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)))
                .flatMap(
                        status ->
                                "CLOSED".equals(status)
                                        ? Mono.error(
                                                Problems.conflict(
                                                        "contract-closed",
                                                        "The contract is CLOSED"))
                                        : db.sql(
                                                        """
                                INSERT INTO contract_instruction (id, contract_id, text, due_on, issued_by, issued_at)
                                VALUES (:id, :contract, :text, :due, :by, :at)""")
                                                .bind("id", id)
                                                .bind("contract", contractId)
                                                .bind("text", text)
                                                .bind("due", dueOn)
                                                .bind("by", actor.userId())
                                                .bind("at", now())
                                                .then())
                .then(find(actor, id));
    }

    /** Only a MANAGER instructs; the console asks before it reads a form. */
    public Mono<Void> mayIssue(Actor actor) {
        return Access.require(actor, "instruct measures under a contract", Role.MANAGER);
    }

    private static String scope(Actor actor) {
        return actor.isScopedToParty() ? " AND c.contractor_party_id = :scope_party" : "";
    }

    private static DatabaseClient.GenericExecuteSpec bindScope(
            DatabaseClient.GenericExecuteSpec spec, Actor actor) {
        return actor.isScopedToParty() ? spec.bind("scope_party", actor.partyId()) : spec;
    }

    public Mono<InstructionView> find(Actor actor, UUID id) {
        LocalDate today = zone.today(clock);
        return bindScope(
                        db.sql(InstructionView.SELECT + " WHERE i.id = :id" + scope(actor))
                                .bind("id", id),
                        actor)
                .map(r -> InstructionView.read(r, zone.zone(), today))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Instruction " + id)));
    }

    /** {@code open}: only those not done; {@code late}: only late ones. */
    public Flux<InstructionView> list(Actor actor, UUID contractId, boolean open, boolean late) {
        LocalDate today = zone.today(clock);
        var spec =
                db.sql(
                        InstructionView.SELECT
                                + " WHERE (CAST(:contract AS uuid) IS NULL OR i.contract_id = :contract)"
                                + scope(actor)
                                + " ORDER BY i.due_on, i.issued_at");
        spec = bindScope(Binds.nullable(spec, "contract", contractId, UUID.class), actor);
        return spec.map(r -> InstructionView.read(r, zone.zone(), today))
                .all()
                .filter(v -> (!open || !"DONE".equals(v.state())) && (!late || v.late()));
    }

    public Mono<InstructionView> acknowledge(Actor actor, UUID id) {
        return Access.require(actor, "acknowledge an instruction", Role.CUSTODIAN)
                .then(find(actor, id))
                .flatMap(
                        i ->
                                i.acknowledgedAt() != null
                                        ? Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "INSTRUCTION_ALREADY_ACKNOWLEDGED",
                                                        "11",
                                                        "Instruction "
                                                                + id
                                                                + " was acknowledged on "
                                                                + i.acknowledgedAt()))
                                        : step(
                                                "UPDATE contract_instruction SET acknowledged_by = :by, acknowledged_at = :at "
                                                        + "WHERE id = :id AND acknowledged_at IS NULL",
                                                actor,
                                                id,
                                                null))
                .then(find(actor, id));
    }

    public Mono<InstructionView> done(Actor actor, UUID id, String note) {
        return Access.require(actor, "report an instruction done", Role.CUSTODIAN)
                .then(find(actor, id))
                .flatMap(
                        i ->
                                i.acknowledgedAt() == null
                                        ? Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "INSTRUCTION_NOT_ACKNOWLEDGED",
                                                        "11",
                                                        "Acknowledge instruction "
                                                                + id
                                                                + " before reporting it done"))
                                        : i.doneAt() != null
                                                ? Mono.error(
                                                        RuleRefused.of(
                                                                ProblemKind.CONFLICT,
                                                                "INSTRUCTION_ALREADY_DONE",
                                                                "11",
                                                                "Instruction "
                                                                        + id
                                                                        + " was reported done on "
                                                                        + i.doneAt()))
                                                : step(
                                                        "UPDATE contract_instruction SET done_by = :by, done_at = :at, done_note = :note "
                                                                + "WHERE id = :id AND done_at IS NULL AND acknowledged_at IS NOT NULL",
                                                        actor,
                                                        id,
                                                        note))
                .then(find(actor, id));
    }

    private Mono<Void> step(String sql, Actor actor, UUID id, String note) {
        var spec = db.sql(sql).bind("by", actor.userId()).bind("at", now()).bind("id", id);
        if (sql.contains(":note")) {
            spec = Binds.nullable(spec, "note", note, String.class);
        }
        return spec.fetch()
                .rowsUpdated()
                .flatMap(
                        n ->
                                n == 1
                                        ? Mono.<Void>empty()
                                        : Mono.error(
                                                Problems.conflict(
                                                        "instruction-changed",
                                                        "Instruction "
                                                                + id
                                                                + " changed meanwhile")));
    }
}
