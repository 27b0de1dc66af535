package jp.azukari.reportrequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.files.EvidenceFiles;
import jp.azukari.files.Upload;
import jp.azukari.files.UploadedFiles;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Art. 8.1: a MANAGER asks the contractor for a report on its compliance by a day, once or every N
 * months; a CUSTODIAN of that contractor answers once, with text and attachments (checked and
 * hashed like disposal certificates). Answering a periodic request opens the next one. A custodian
 * sees only its party's requests.
 */
public class ReportRequestService {

    public static final int MAX_ATTACHMENTS = 10;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EvidenceFiles files;
    private final Clock clock;
    private final AgencyTimeZone zone;
    private final long maxFileBytes;
    private final ReportRequestReads reads;

    public ReportRequestService(
            DatabaseClient db,
            TransactionalOperator tx,
            EvidenceFiles files,
            Clock clock,
            AgencyTimeZone zone,
            long maxFileBytes) {
        this.db = db;
        this.tx = tx;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
        this.maxFileBytes = maxFileBytes;
        this.reads = new ReportRequestReads(db, files, clock, zone);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Only a MANAGER asks; the console asks this before it reads a form. */
    public Mono<Void> mayAsk(Actor actor) {
        return Access.require(actor, "ask for a compliance report", Role.MANAGER);
    }

    /** Only a CUSTODIAN (of the contractor) answers. */
    public Mono<Void> mayAnswer(Actor actor) {
        return Access.require(actor, "answer a report request", Role.CUSTODIAN);
    }

    public Mono<ReportRequestView> ask(
            Actor actor, UUID contractId, String subject, LocalDate dueOn, Integer everyMonths) {
        if (dueOn.isBefore(zone.today(clock))) {
            return Mono.error(Problems.invalidField("dueOn", "is in the past"));
        }
        UUID id = UUID.randomUUID();
        return mayAsk(actor)
                .then(
                        db.sql("SELECT contractor_party_id, status FROM contract WHERE id = :id")
                                .bind("id", contractId)
                                .map(
                                        r ->
                                                new Object[] {
                                                    r.get("contractor_party_id", UUID.class),
                                                    r.get("status", String.class)
                                                })
                                .one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Contract " + contractId)))
                .flatMap(
                        c ->
                                "CLOSED".equals(c[1])
                                        ? Mono.error(
                                                Problems.conflict(
                                                        "contract-closed",
                                                        "The contract is CLOSED"))
                                        : insert(
                                                id,
                                                contractId,
                                                (UUID) c[0],
                                                subject,
                                                dueOn,
                                                everyMonths,
                                                null,
                                                actor.userId()))
                .then(find(actor, id));
    }

    private Mono<Void> insert(
            UUID id,
            UUID contract,
            UUID contractor,
            String subject,
            LocalDate due,
            Integer every,
            UUID follows,
            UUID by) {
        var spec =
                db.sql(
                                """
                        INSERT INTO report_request (id, contract_id, contractor_party_id, subject, due_on, every_months, follows,
                                                    requested_by, requested_at)
                        VALUES (:id, :contract, :contractor, :subject, :due, :every, :follows, :by, :at)""")
                        .bind("id", id)
                        .bind("contract", contract)
                        .bind("contractor", contractor)
                        .bind("subject", subject)
                        .bind("due", due)
                        .bind("by", by)
                        .bind("at", now());
        spec = Binds.nullable(spec, "every", every, Integer.class);
        spec = Binds.nullable(spec, "follows", follows, UUID.class);
        return spec.then();
    }

    public Mono<ReportRequestView> find(Actor actor, UUID id) {
        return reads.find(actor, id);
    }

    /** {@code state}: OPEN, LATE, ANSWERED or null for all. */
    public Flux<ReportRequestView> list(Actor actor, UUID contractId, String state) {
        return reads.list(actor, contractId, state);
    }

    public Mono<ReportRequestView> respond(
            Actor actor, UUID id, String text, List<Upload> uploads) {
        if (uploads.size() > MAX_ATTACHMENTS) {
            return Mono.error(
                    Problems.invalidField("attachment", "at most " + MAX_ATTACHMENTS + " files"));
        }
        UUID answerId = UUID.randomUUID();
        // another party's request answers 404 before any file is read
        return mayAnswer(actor)
                .then(find(actor, id))
                .flatMap(
                        req ->
                                req.answer() != null
                                        ? Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "REPORT_ALREADY_ANSWERED",
                                                        "8.1",
                                                        "Report request "
                                                                + id
                                                                + " was answered on "
                                                                + req.answer().answeredAt()))
                                        : Flux.fromIterable(uploads)
                                                .concatMap(
                                                        u ->
                                                                UploadedFiles.read(
                                                                                u.content(),
                                                                                u.contentType(),
                                                                                maxFileBytes,
                                                                                "invalid-attachment",
                                                                                "Invalid attachment")
                                                                        .map(
                                                                                bytes ->
                                                                                        new Object
                                                                                                [] {
                                                                                            u, bytes
                                                                                        }))
                                                .collectList()
                                                .flatMap(
                                                        read ->
                                                                tx.transactional(
                                                                        db.sql(
                                                                                        "UPDATE report_request SET answered_at = :at WHERE id = :id AND answered_at IS NULL")
                                                                                .bind("at", now())
                                                                                .bind("id", id)
                                                                                .fetch()
                                                                                .rowsUpdated()
                                                                                .flatMap(
                                                                                        n ->
                                                                                                n
                                                                                                                == 1
                                                                                                        ? Mono
                                                                                                                .empty()
                                                                                                        : Mono
                                                                                                                .error(
                                                                                                                        RuleRefused
                                                                                                                                .of(
                                                                                                                                        ProblemKind
                                                                                                                                                .CONFLICT,
                                                                                                                                        "REPORT_ALREADY_ANSWERED",
                                                                                                                                        "8.1",
                                                                                                                                        "Report request "
                                                                                                                                                + id
                                                                                                                                                + " was answered meanwhile")))
                                                                                .then(
                                                                                        db.sql(
                                                                                                        "INSERT INTO report_answer (id, request_id, text, answered_by, answered_at) "
                                                                                                                + "VALUES (:id, :req, :text, :by, :at)")
                                                                                                .bind(
                                                                                                        "id",
                                                                                                        answerId)
                                                                                                .bind(
                                                                                                        "req",
                                                                                                        id)
                                                                                                .bind(
                                                                                                        "text",
                                                                                                        text)
                                                                                                .bind(
                                                                                                        "by",
                                                                                                        actor
                                                                                                                .userId())
                                                                                                .bind(
                                                                                                        "at",
                                                                                                        now())
                                                                                                .then())
                                                                                .thenMany(
                                                                                        Flux
                                                                                                .fromIterable(
                                                                                                        read)
                                                                                                .concatMap(
                                                                                                        pair -> {
                                                                                                            Upload
                                                                                                                    u =
                                                                                                                            (Upload)
                                                                                                                                    pair[
                                                                                                                                            0];
                                                                                                            return files.store(
                                                                                                                            actor
                                                                                                                                    .userId(),
                                                                                                                            u
                                                                                                                                    .filename(),
                                                                                                                            u
                                                                                                                                    .contentType(),
                                                                                                                            (byte
                                                                                                                                            [])
                                                                                                                                    pair[
                                                                                                                                            1])
                                                                                                                    .flatMap(
                                                                                                                            meta ->
                                                                                                                                    db.sql(
                                                                                                                                                    "INSERT INTO report_attachment (answer_id, file_id) VALUES (:a, :f)")
                                                                                                                                            .bind(
                                                                                                                                                    "a",
                                                                                                                                                    answerId)
                                                                                                                                            .bind(
                                                                                                                                                    "f",
                                                                                                                                                    meta
                                                                                                                                                            .id())
                                                                                                                                            .then());
                                                                                                        }))
                                                                                .then(
                                                                                        req
                                                                                                                .everyMonths()
                                                                                                        == null
                                                                                                ? Mono
                                                                                                        .empty()
                                                                                                : insert(
                                                                                                        UUID
                                                                                                                .randomUUID(),
                                                                                                        req
                                                                                                                .contractId(),
                                                                                                        req
                                                                                                                .contractorPartyId(),
                                                                                                        req
                                                                                                                .subject(),
                                                                                                        req.dueOn()
                                                                                                                .plusMonths(
                                                                                                                        req
                                                                                                                                .everyMonths()),
                                                                                                        req
                                                                                                                .everyMonths(),
                                                                                                        id,
                                                                                                        req
                                                                                                                .requestedBy())))))
                .then(find(actor, id));
    }

    /** An attachment of a request the caller may see; another request's file answers 404. */
    public Mono<EvidenceFiles.Stored> attachment(Actor actor, UUID requestId, UUID fileId) {
        return reads.attachment(actor, requestId, fileId);
    }
}
