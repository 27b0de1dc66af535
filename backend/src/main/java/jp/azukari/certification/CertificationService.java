package jp.azukari.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.files.EvidenceFiles;
import jp.azukari.files.Upload;
import jp.azukari.files.UploadedFiles;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Art. 9: third-party certifications of a party (ISO/IEC 27001, ISMAP, …) with the certificate file
 * and its SHA-256. A CUSTODIAN registers its own party's; a MANAGER or ADMIN any party's. A
 * custodian sees only its party's.
 */
public class CertificationService {

    public record NewCertification(
            UUID partyId, String scheme, String number, String scope, LocalDate validUntil) {}

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EvidenceFiles files;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final long maxFileBytes;
    private final int warnDays;

    public CertificationService(
            DatabaseClient db,
            TransactionalOperator tx,
            EvidenceFiles files,
            Clock clock,
            AgencyTimeZone zone,
            long maxFileBytes,
            int warnDays) {
        this.db = db;
        this.tx = tx;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
        this.maxFileBytes = maxFileBytes;
        this.warnDays = warnDays;
    }

    /**
     * A CUSTODIAN (for its own party), a MANAGER or an ADMIN registers certifications; the console
     * asks before it reads a form.
     */
    public Mono<Void> mayRegister(Actor actor) {
        return Access.require(
                actor, "register a certification", Role.CUSTODIAN, Role.MANAGER, Role.ADMIN);
    }

    public Mono<CertificationView> register(Actor actor, NewCertification c, Upload certificate) {
        UUID party = actor.is(Role.CUSTODIAN) ? actor.partyId() : c.partyId();
        if (!actor.is(Role.CUSTODIAN) && !actor.is(Role.MANAGER) && !actor.is(Role.ADMIN)) {
            return mayRegister(actor).then(Mono.empty());
        }
        if (party == null) {
            return Mono.error(
                    Problems.invalidField(
                            "partyId", "is required when the agency registers a certification"));
        }
        UUID id = UUID.randomUUID();
        return mayRegister(actor)
                .then(
                        db.sql("SELECT id FROM party WHERE id = :id")
                                .bind("id", party)
                                .map(r -> r.get("id", UUID.class))
                                .one())
                .switchIfEmpty(Mono.error(() -> Problems.invalidField("partyId", "names no party")))
                .then(
                        UploadedFiles.read(
                                certificate.content(),
                                certificate.contentType(),
                                maxFileBytes,
                                "invalid-certificate",
                                "Invalid certificate file"))
                .flatMap(
                        bytes ->
                                tx.transactional(
                                        files.store(
                                                        actor.userId(),
                                                        certificate.filename(),
                                                        certificate.contentType(),
                                                        bytes)
                                                .flatMap(
                                                        meta ->
                                                                db.sql(
                                                                                """
                                        INSERT INTO certification (id, party_id, scheme, number, scope, valid_until, file_id,
                                                                   registered_by, registered_at)
                                        VALUES (:id, :party, :scheme, :number, :scope, :until, :file, :by, :at)""")
                                                                        .bind("id", id)
                                                                        .bind("party", party)
                                                                        .bind("scheme", c.scheme())
                                                                        .bind("number", c.number())
                                                                        .bind("scope", c.scope())
                                                                        .bind(
                                                                                "until",
                                                                                c.validUntil())
                                                                        .bind("file", meta.id())
                                                                        .bind("by", actor.userId())
                                                                        .bind(
                                                                                "at",
                                                                                OffsetDateTime.now(
                                                                                        clock
                                                                                                .withZone(
                                                                                                        ZoneOffset
                                                                                                                .UTC)))
                                                                        .then())))
                .then(find(actor, id));
    }

    private static String scope(Actor actor) {
        return actor.isScopedToParty() ? " AND c.party_id = :scope_party" : "";
    }

    private static DatabaseClient.GenericExecuteSpec bindScope(
            DatabaseClient.GenericExecuteSpec spec, Actor actor) {
        return actor.isScopedToParty() ? spec.bind("scope_party", actor.partyId()) : spec;
    }

    public Mono<CertificationView> find(Actor actor, UUID id) {
        LocalDate today = zone.today(clock);
        return bindScope(
                        db.sql(CertificationView.SELECT + " WHERE c.id = :id" + scope(actor))
                                .bind("id", id),
                        actor)
                .map(r -> CertificationView.read(r, today, warnDays))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Certification " + id)));
    }

    /** {@code state}: VALID, EXPIRING, EXPIRED or null for all; ordered by the day they end. */
    public Flux<CertificationView> list(Actor actor, UUID partyId, String state) {
        LocalDate today = zone.today(clock);
        var spec =
                db.sql(
                        CertificationView.SELECT
                                + " WHERE (CAST(:party AS uuid) IS NULL OR c.party_id = :party)"
                                + scope(actor)
                                + " ORDER BY c.valid_until, p.name");
        spec = bindScope(Binds.nullable(spec, "party", partyId, UUID.class), actor);
        return spec.map(r -> CertificationView.read(r, today, warnDays))
                .all()
                .filter(v -> state == null || state.equals(v.state()));
    }

    /**
     * The certifications of a contract's contractor and of every subcontractor an approval of it
     * names.
     */
    public Flux<CertificationView> ofContract(UUID contractId) {
        LocalDate today = zone.today(clock);
        return db.sql(
                        CertificationView.SELECT
                                + """
                         WHERE c.party_id IN (SELECT contractor_party_id FROM contract WHERE id = :contract
                                              UNION SELECT subcontractor_party_id FROM approval
                                                     WHERE contract_id = :contract AND subcontractor_party_id IS NOT NULL)
                         ORDER BY p.name, c.valid_until""")
                .bind("contract", contractId)
                .map(r -> CertificationView.read(r, today, warnDays))
                .all();
    }

    public Mono<EvidenceFiles.Stored> certificate(Actor actor, UUID id) {
        return find(actor, id).flatMap(c -> files.read(c.certificate().id()));
    }
}
