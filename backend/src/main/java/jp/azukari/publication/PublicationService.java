package jp.azukari.publication;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.incident.IncidentService;
import jp.azukari.incident.IncidentView;
import jp.azukari.platform.Access;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.problem.ProblemKind;
import jp.azukari.platform.problem.Problems;
import jp.azukari.platform.problem.RuleRefused;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Art. 10: a MANAGER writes an incident's publishable summary (refused when it holds personal data,
 * see {@link PublicationRules}); a second MANAGER approves it; once approved it is downloadable as
 * text or PDF and no longer changes. Whoever may see the incident may read its publication.
 */
public class PublicationService {

    private final DatabaseClient db;
    private final IncidentService incidents;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public PublicationService(
            DatabaseClient db, IncidentService incidents, Clock clock, AgencyTimeZone zone) {
        this.db = db;
        this.incidents = incidents;
        this.clock = clock;
        this.zone = zone;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Only a MANAGER writes a publication; the console asks before it reads a form. */
    public Mono<Void> mayWrite(Actor actor) {
        return Access.require(actor, "write an incident's publication", Role.MANAGER);
    }

    public Mono<PublicationView> write(Actor actor, UUID incidentId, String summary) {
        return mayWrite(actor)
                .then(incidents.find(actor, incidentId))
                .flatMap(
                        i ->
                                names(i).flatMap(
                                                names ->
                                                        PublicationRules.personalData(
                                                                        summary, names)
                                                                .<Mono<Void>>map(
                                                                        why ->
                                                                                Mono.error(
                                                                                        RuleRefused
                                                                                                .of(
                                                                                                        ProblemKind
                                                                                                                .UNPROCESSABLE_CONTENT,
                                                                                                        "PERSONAL_DATA_IN_SUMMARY",
                                                                                                        "10",
                                                                                                        why
                                                                                                                + "; a publishable summary holds no personal data")))
                                                                .orElse(Mono.empty())))
                .then(
                        db.sql(
                                        """
                                INSERT INTO incident_publication (id, incident_id, summary, written_by, written_at)
                                VALUES (:id, :incident, :summary, :by, :at)
                                ON CONFLICT (incident_id) DO UPDATE SET summary = EXCLUDED.summary, written_by = EXCLUDED.written_by,
                                       written_at = EXCLUDED.written_at
                                 WHERE incident_publication.approved_at IS NULL""")
                                .bind("id", UUID.randomUUID())
                                .bind("incident", incidentId)
                                .bind("summary", summary)
                                .bind("by", actor.userId())
                                .bind("at", now())
                                .fetch()
                                .rowsUpdated())
                .flatMap(
                        n ->
                                n == 1
                                        ? Mono.<Void>empty()
                                        : Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "PUBLICATION_ALREADY_APPROVED",
                                                        "10",
                                                        "The publication of incident "
                                                                + incidentId
                                                                + " is approved and no longer changes")))
                .then(find(actor, incidentId));
    }

    /**
     * Usernames and display names of the reporter, of everyone who wrote on the incident, and of
     * the reporter's party.
     */
    private Mono<java.util.List<String>> names(IncidentView i) {
        return db.sql(
                        """
                        SELECT u.username, u.display_name FROM app_user u
                         WHERE u.id = :reporter OR u.party_id = :party
                            OR u.id IN (SELECT written_by FROM incident_entry WHERE incident_id = :incident)""")
                .bind("reporter", i.reportedBy())
                .bind("party", i.reporterPartyId())
                .bind("incident", i.id())
                .map(
                        r ->
                                java.util.List.of(
                                        r.get("username", String.class),
                                        r.get("display_name", String.class)))
                .all()
                .flatMapIterable(l -> l)
                .collectList();
    }

    public Mono<PublicationView> approve(Actor actor, UUID incidentId) {
        return Access.require(actor, "approve an incident's publication", Role.MANAGER)
                .then(find(actor, incidentId))
                .flatMap(
                        p ->
                                p.writtenBy().equals(actor.userId())
                                        ? Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.FORBIDDEN,
                                                        "PUBLICATION_OWN_APPROVAL",
                                                        "10",
                                                        "A publication is approved by a MANAGER other than its author"))
                                        : p.approvedAt() != null
                                                ? Mono.error(
                                                        RuleRefused.of(
                                                                ProblemKind.CONFLICT,
                                                                "PUBLICATION_ALREADY_APPROVED",
                                                                "10",
                                                                "The publication was approved on "
                                                                        + p.approvedAt()))
                                                : db.sql(
                                                                """
                                UPDATE incident_publication SET approved_by = :by, approved_at = :at
                                 WHERE incident_id = :incident AND approved_at IS NULL AND written_by <> :by AND written_at = :written""")
                                                        .bind("by", actor.userId())
                                                        .bind("at", now())
                                                        .bind("incident", incidentId)
                                                        .bind(
                                                                "written",
                                                                p.writtenAt()
                                                                        .atOffset(ZoneOffset.UTC))
                                                        .fetch()
                                                        .rowsUpdated()
                                                        .flatMap(
                                                                n ->
                                                                        n == 1
                                                                                ? Mono.<Void>empty()
                                                                                : Mono.error(
                                                                                        Problems
                                                                                                .conflict(
                                                                                                        "publication-changed",
                                                                                                        "The summary changed meanwhile; read it again"))))
                .then(find(actor, incidentId));
    }

    public Mono<PublicationView> find(Actor actor, UUID incidentId) {
        return incidents
                .find(actor, incidentId)
                .flatMap(this::of)
                .switchIfEmpty(
                        Mono.error(
                                () -> Problems.notFound("Publication of incident " + incidentId)));
    }

    /**
     * The publication of an incident already read in scope, or empty (also used by the compliance
     * report).
     */
    public Mono<PublicationView> of(IncidentView i) {
        return db.sql("SELECT * FROM incident_publication WHERE incident_id = :id")
                .bind("id", i.id())
                .map(
                        r ->
                                new PublicationView(
                                        r.get("id", UUID.class),
                                        i.id(),
                                        i.contractId(),
                                        i.contractNumber(),
                                        i.kind(),
                                        i.occurredAt(),
                                        r.get("summary", String.class),
                                        r.get("written_by", UUID.class),
                                        r.get("written_at", OffsetDateTime.class).toInstant(),
                                        r.get("approved_by", UUID.class),
                                        instant(r.get("approved_at", OffsetDateTime.class)),
                                        r.get("approved_at", OffsetDateTime.class) == null
                                                ? "DRAFT"
                                                : "APPROVED"))
                .one();
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private Mono<PublicationView> approved(Actor actor, UUID incidentId) {
        return find(actor, incidentId)
                .flatMap(
                        p ->
                                p.approvedAt() != null
                                        ? Mono.just(p)
                                        : Mono.error(
                                                RuleRefused.of(
                                                        ProblemKind.CONFLICT,
                                                        "PUBLICATION_NOT_APPROVED",
                                                        "10",
                                                        "The publication of incident "
                                                                + incidentId
                                                                + " is not approved yet")));
    }

    public Mono<String> text(Actor actor, UUID incidentId) {
        return approved(actor, incidentId).map(p -> p.summary() + "\n");
    }

    public Mono<byte[]> pdf(Actor actor, UUID incidentId) {
        return approved(actor, incidentId)
                .publishOn(Schedulers.boundedElastic())
                .map(p -> PublicationPdf.render(p, zone.zone()));
    }
}
