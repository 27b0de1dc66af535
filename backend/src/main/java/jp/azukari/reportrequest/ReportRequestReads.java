package jp.azukari.reportrequest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.files.EvidenceFiles;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.db.Binds;
import jp.azukari.platform.problem.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Report requests as the caller may see them: a custodian only its own party's. */
final class ReportRequestReads {

    private final DatabaseClient db;
    private final EvidenceFiles files;
    private final Clock clock;
    private final AgencyTimeZone zone;

    ReportRequestReads(DatabaseClient db, EvidenceFiles files, Clock clock, AgencyTimeZone zone) {
        this.db = db;
        this.files = files;
        this.clock = clock;
        this.zone = zone;
    }

    private static String scope(Actor actor) {
        return actor.isScopedToParty() ? " AND r.contractor_party_id = :scope_party" : "";
    }

    private static DatabaseClient.GenericExecuteSpec bindScope(
            DatabaseClient.GenericExecuteSpec spec, Actor actor) {
        return actor.isScopedToParty() ? spec.bind("scope_party", actor.partyId()) : spec;
    }

    Mono<ReportRequestView> find(Actor actor, UUID id) {
        LocalDate today = zone.today(clock);
        return bindScope(
                        db.sql(ReportRequestView.SELECT + " WHERE r.id = :id" + scope(actor))
                                .bind("id", id),
                        actor)
                .map(r -> ReportRequestView.read(r, zone.zone(), today))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Report request " + id)))
                .flatMap(v -> answer(id).map(v::with).defaultIfEmpty(v));
    }

    private Mono<ReportRequestView.Answer> answer(UUID requestId) {
        Mono<List<EvidenceFiles.Meta>> attachments =
                db.sql(
                                """
                        SELECT f.* FROM report_attachment ra JOIN report_answer a ON a.id = ra.answer_id
                          JOIN evidence_file f ON f.id = ra.file_id WHERE a.request_id = :id ORDER BY f.stored_at, f.id""")
                        .bind("id", requestId)
                        .map(r -> EvidenceFiles.meta(r, ""))
                        .all()
                        .collectList();
        return db.sql(
                        "SELECT a.*, u.username FROM report_answer a JOIN app_user u ON u.id = a.answered_by WHERE a.request_id = :id")
                .bind("id", requestId)
                .map(
                        r ->
                                new Object[] {
                                    r.get("id", UUID.class),
                                    r.get("text", String.class),
                                    r.get("answered_by", UUID.class),
                                    r.get("username", String.class),
                                    r.get("answered_at", OffsetDateTime.class).toInstant()
                                })
                .one()
                .zipWith(
                        attachments,
                        (a, files) ->
                                new ReportRequestView.Answer(
                                        (UUID) a[0],
                                        (String) a[1],
                                        (UUID) a[2],
                                        (String) a[3],
                                        (java.time.Instant) a[4],
                                        files));
    }

    /** {@code state}: OPEN, LATE, ANSWERED or null for all. */
    Flux<ReportRequestView> list(Actor actor, UUID contractId, String state) {
        LocalDate today = zone.today(clock);
        var spec =
                db.sql(
                        ReportRequestView.SELECT
                                + " WHERE (CAST(:contract AS uuid) IS NULL OR r.contract_id = :contract)"
                                + scope(actor)
                                + " ORDER BY r.due_on, r.requested_at");
        spec = bindScope(Binds.nullable(spec, "contract", contractId, UUID.class), actor);
        return spec.map(r -> ReportRequestView.read(r, zone.zone(), today))
                .all()
                .filter(v -> state == null || state.equals(v.state()));
    }

    /** An attachment of a request the caller may see; another request's file answers 404. */
    Mono<EvidenceFiles.Stored> attachment(Actor actor, UUID requestId, UUID fileId) {
        return find(actor, requestId)
                .filter(
                        r ->
                                r.answer() != null
                                        && r.answer().attachments().stream()
                                                .anyMatch(f -> f.id().equals(fileId)))
                .flatMap(r -> files.read(fileId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Attachment " + fileId)));
    }
}
