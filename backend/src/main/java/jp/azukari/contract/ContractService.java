package jp.azukari.contract;

import java.time.LocalDate;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Scope;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registering contracts and reading them within the caller's scope. */
public class ContractService {

    private final DatabaseClient db;

    public ContractService(DatabaseClient db) {
        this.db = db;
    }

    public record NewContract(
            String number,
            String title,
            UUID contractorPartyId,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate returnDueOn) {}

    public Mono<ContractView> register(Actor actor, NewContract c) {
        if (actor.role() != Role.MANAGER) {
            return Mono.error(Problems.forbidden("Only a MANAGER registers contracts"));
        }
        LocalDate due = c.returnDueOn() == null ? c.endsOn() : c.returnDueOn();
        if (c.endsOn().isBefore(c.startsOn())) {
            return Mono.error(
                    Problems.badRequest(
                            "endsOn ("
                                    + c.endsOn()
                                    + ") is before startsOn ("
                                    + c.startsOn()
                                    + ")"));
        }
        if (due.isBefore(c.startsOn())) {
            return Mono.error(
                    Problems.badRequest(
                            "returnDueOn (" + due + ") is before startsOn (" + c.startsOn() + ")"));
        }
        UUID id = UUID.randomUUID();
        return db.sql("SELECT kind FROM party WHERE id = :id")
                .bind("id", c.contractorPartyId())
                .map(r -> r.get("kind", String.class))
                .one()
                .switchIfEmpty(Mono.error(Problems.badRequest("contractorPartyId names no party")))
                .flatMap(
                        kind ->
                                "CONTRACTOR".equals(kind)
                                        ? Mono.just(kind)
                                        : Mono.error(
                                                Problems.badRequest(
                                                        "contractorPartyId names a "
                                                                + kind
                                                                + " party, not a CONTRACTOR")))
                .then(
                        db.sql("SELECT 1 FROM contract WHERE number = :n")
                                .bind("n", c.number())
                                .map(r -> 1)
                                .first()
                                .flatMap(
                                        x ->
                                                Mono.<Integer>error(
                                                        Problems.conflict(
                                                                "duplicate-contract-number",
                                                                "A contract numbered "
                                                                        + c.number()
                                                                        + " already exists"))))
                .then(
                        db.sql(
                                        """
                        INSERT INTO contract (id, number, title, agency_party_id, contractor_party_id, starts_on, ends_on, return_due_on)
                        VALUES (:id, :number, :title, :agency, :contractor, :starts, :ends, :due)""")
                                .bind("id", id)
                                .bind("number", c.number())
                                .bind("title", c.title())
                                .bind("agency", actor.partyId())
                                .bind("contractor", c.contractorPartyId())
                                .bind("starts", c.startsOn())
                                .bind("ends", c.endsOn())
                                .bind("due", due)
                                .then())
                .then(find(actor, id));
    }

    public Mono<ContractView> find(Actor actor, UUID id) {
        var spec =
                db.sql(ContractView.SELECT + " WHERE c.id = :id" + Scope.contract(actor))
                        .bind("id", id);
        spec = Scope.bind(spec, actor);
        return spec.map(ContractView::read)
                .one()
                .switchIfEmpty(Mono.error(Problems.notFound("Contract " + id)));
    }

    public Flux<ContractView> list(Actor actor, String status, int limit, int offset) {
        String sql =
                ContractView.SELECT
                        + " WHERE (CAST(:status AS text) IS NULL OR c.status = :status)"
                        + Scope.contract(actor)
                        + " ORDER BY c.ends_on, c.number LIMIT :limit OFFSET :offset";
        var spec = db.sql(sql).bind("limit", limit).bind("offset", offset);
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        spec = Scope.bind(spec, actor);
        return spec.map(ContractView::read).all();
    }
}
