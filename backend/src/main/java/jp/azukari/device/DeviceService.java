package jp.azukari.device;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.Scope;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Art. 5: the register of a contract's connected devices. A contractor's (or subcontractor's)
 * CUSTODIAN registers its own equipment, or a MANAGER registers it for a party, under an APPROVED
 * NETWORK_CONNECTION approval; the MANAGER suspends, resumes or disconnects with a reason; a
 * connection check refuses what may not connect, and records both answers.
 */
public class DeviceService {

    public record NewDevice(
            UUID ownerPartyId,
            String name,
            String identifier,
            String purpose,
            String network,
            UUID approvalId,
            LocalDate validUntil) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final DeviceReads reads;

    public DeviceService(
            DatabaseClient db, TransactionalOperator tx, Clock clock, AgencyTimeZone zone) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.reads = new DeviceReads(db, clock, zone);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    public Mono<DeviceView> register(Actor actor, UUID contractId, NewDevice d) {
        UUID owner = actor.is(Role.CUSTODIAN) ? actor.partyId() : d.ownerPartyId();
        if (owner == null) {
            return Mono.error(
                    Problems.invalidField(
                            "ownerPartyId", "is required when a MANAGER registers a device"));
        }
        LocalDate today = zone.today(clock);
        var contract =
                Scope.bind(
                        db.sql(
                                        "SELECT c.id, c.status FROM contract c WHERE c.id = :id"
                                                + Scope.contract(actor))
                                .bind("id", contractId),
                        actor);
        UUID id = UUID.randomUUID();
        return mayRegister(actor)
                .then(contract.map(r -> r.get("status", String.class)).one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)))
                .flatMap(
                        status ->
                                "CLOSED".equals(status)
                                        ? Mono.error(
                                                Problems.conflict(
                                                        "contract-closed",
                                                        "The contract is CLOSED"))
                                        : Mono.just(status))
                .then(
                        db.sql(
                                        "SELECT kind, status, valid_until FROM approval WHERE id = :id AND contract_id = :contract")
                                .bind("id", d.approvalId())
                                .bind("contract", contractId)
                                .map(
                                        r ->
                                                DeviceRules.mayRegister(
                                                        r.get("kind", String.class),
                                                        r.get("status", String.class),
                                                        r.get("valid_until", LocalDate.class),
                                                        d.validUntil(),
                                                        today))
                                .one()
                                .switchIfEmpty(
                                        Mono.error(
                                                () ->
                                                        Problems.invalidField(
                                                                "approvalId",
                                                                "names no approval of this contract"))))
                .flatMap(
                        refusal ->
                                refusal.<Mono<Void>>map(f -> Mono.error(refused(f)))
                                        .orElse(Mono.empty()))
                .then(
                        db.sql("SELECT kind FROM party WHERE id = :id")
                                .bind("id", owner)
                                .map(r -> r.get("kind", String.class))
                                .one()
                                .filter(kind -> !"AGENCY".equals(kind))
                                .switchIfEmpty(
                                        Mono.error(
                                                () ->
                                                        Problems.invalidField(
                                                                "ownerPartyId",
                                                                "names no contractor or subcontractor"))))
                .then(
                        tx.transactional(
                                Binds.nullable(
                                                db.sql(
                                                                """
                                INSERT INTO connected_device (id, contract_id, owner_party_id, name, identifier, purpose, network,
                                                              approval_id, valid_until, registered_by, registered_at)
                                VALUES (:id, :contract, :owner, :name, :identifier, :purpose, :network, :approval, :until, :by, :at)""")
                                                        .bind("id", id)
                                                        .bind("contract", contractId)
                                                        .bind("owner", owner)
                                                        .bind("name", d.name())
                                                        .bind("purpose", d.purpose())
                                                        .bind("network", d.network())
                                                        .bind("approval", d.approvalId())
                                                        .bind("until", d.validUntil())
                                                        .bind("by", actor.userId())
                                                        .bind("at", now()),
                                                "identifier",
                                                d.identifier(),
                                                String.class)
                                        .then()
                                        .then(event(id, "REGISTERED", null, null, actor))))
                .then(find(actor, id));
    }

    static RuntimeException refused(DeviceRules.Refusal f) {
        ProblemKind kind =
                switch (f.status()) {
                    case 403 -> ProblemKind.FORBIDDEN;
                    case 404 -> ProblemKind.NOT_FOUND;
                    case 409 -> ProblemKind.CONFLICT;
                    case 422 -> ProblemKind.UNPROCESSABLE_CONTENT;
                    default -> ProblemKind.BAD_REQUEST;
                };
        return RuleRefused.of(kind, f.code(), "5", f.detail());
    }

    private Mono<Void> event(UUID device, String kind, String code, String reason, Actor actor) {
        var spec =
                db.sql(
                                "INSERT INTO device_event (id, device_id, kind, code, reason, actor_id, at) "
                                        + "VALUES (:id, :device, :kind, :code, :reason, :by, :at)")
                        .bind("id", UUID.randomUUID())
                        .bind("device", device)
                        .bind("kind", kind)
                        .bind("by", actor.userId())
                        .bind("at", now());
        spec = Binds.nullable(spec, "code", code, String.class);
        spec = Binds.nullable(spec, "reason", reason, String.class);
        return spec.then();
    }

    public Mono<DeviceView> find(Actor actor, UUID id) {
        return reads.find(actor, id);
    }

    public Flux<DeviceView> list(Actor actor, UUID contractId, boolean overdueOnly) {
        return reads.list(actor, contractId, overdueOnly);
    }

    /** A CUSTODIAN or a MANAGER registers devices; the console asks before it reads a form. */
    public Mono<Void> mayRegister(Actor actor) {
        return Access.require(actor, "register a connected device", Role.CUSTODIAN, Role.MANAGER);
    }

    /** Only a MANAGER suspends, resumes or disconnects. */
    public Mono<Void> mayChange(Actor actor) {
        return Access.require(actor, "suspend, resume or disconnect a device", Role.MANAGER);
    }

    /** MANAGER: suspend, resume or disconnect, with a reason. */
    public Mono<DeviceView> change(Actor actor, UUID id, DeviceRules.Change change, String reason) {
        return mayChange(actor)
                .then(find(actor, id))
                .flatMap(
                        d -> {
                            var next =
                                    DeviceRules.apply(
                                            DeviceRules.Status.valueOf(d.status()), change);
                            if (next.isEmpty()) {
                                return Mono.error(
                                        RuleRefused.of(
                                                ProblemKind.CONFLICT,
                                                "DEVICE_STATE",
                                                "5",
                                                "A "
                                                        + d.status()
                                                        + " device cannot be changed by "
                                                        + change));
                            }
                            String kind =
                                    switch (change) {
                                        case SUSPEND -> "SUSPENDED";
                                        case RESUME -> "RESUMED";
                                        case DISCONNECT -> "DISCONNECTED";
                                    };
                            return tx.transactional(
                                    db.sql(
                                                    "UPDATE connected_device SET status = :next WHERE id = :id AND status = :was")
                                            .bind("next", next.get().name())
                                            .bind("id", id)
                                            .bind("was", d.status())
                                            .fetch()
                                            .rowsUpdated()
                                            .flatMap(
                                                    n ->
                                                            n == 1
                                                                    ? event(
                                                                            id, kind, null, reason,
                                                                            actor)
                                                                    : Mono.error(
                                                                            Problems.conflict(
                                                                                    "device-changed",
                                                                                    "The device changed meanwhile"))));
                        })
                .then(find(actor, id));
    }

    public record Check(UUID deviceId, boolean allowed, LocalDate validUntil) {}

    /**
     * May the device connect now? Either answer is recorded; a refusal answers 403 with its code.
     */
    public Mono<Check> check(Actor actor, UUID id) {
        LocalDate today = zone.today(clock);
        return find(actor, id)
                .flatMap(
                        d -> {
                            var refusal =
                                    DeviceRules.mayConnect(
                                            DeviceRules.Status.valueOf(d.status()),
                                            d.validUntil(),
                                            d.approvalStatus(),
                                            d.effectiveUntil(),
                                            today);
                            if (refusal.isPresent()) {
                                var f = refusal.get();
                                return event(id, "REFUSED", f.code(), f.detail(), actor)
                                        .then(Mono.error(refused(f)));
                            }
                            return event(id, "CHECKED", null, null, actor)
                                    .thenReturn(new Check(id, true, d.effectiveUntil()));
                        });
    }
}
