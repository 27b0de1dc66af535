package jp.azukari.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.azukari.certification.CertificationService;
import jp.azukari.common.Actor;
import jp.azukari.device.DeviceService;
import jp.azukari.incident.IncidentService;
import jp.azukari.instruction.IncidentAcknowledgements;
import jp.azukari.instruction.IncidentTiming;
import jp.azukari.instruction.InstructionService;
import jp.azukari.publication.PublicationService;
import jp.azukari.reportrequest.ReportRequestService;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The provisions part of a contract's compliance report (art. 2.1, 2.2, 5, 8, 9, 10, 11), for a
 * caller the report already let in (MANAGER or AUDITOR). JSON: {@link ProvisionsSection}; CSV: one
 * line per item, article first.
 */
public class ProvisionsReportService {

    /**
     * What a confirmation's ledger note says when the receiver acknowledged the handling
     * requirements (art. 2.2).
     */
    public static final String HANDLING_NOTE = "handling acknowledged";

    public static final String HANDLING_REFUSAL = "HANDLING_NOT_ACKNOWLEDGED";

    public static final List<String> CSV_HEADER =
            List.of("article", "item", "id", "status", "date", "who", "detail");

    private final DatabaseClient db;
    private final DeviceService devices;
    private final ReportRequestService requests;
    private final IncidentService incidents;
    private final IncidentAcknowledgements timings;
    private final CertificationService certifications;
    private final PublicationService publications;
    private final InstructionService instructions;

    public ProvisionsReportService(
            DatabaseClient db,
            DeviceService devices,
            ReportRequestService requests,
            IncidentService incidents,
            IncidentAcknowledgements timings,
            CertificationService certifications,
            PublicationService publications,
            InstructionService instructions) {
        this.db = db;
        this.devices = devices;
        this.requests = requests;
        this.incidents = incidents;
        this.timings = timings;
        this.certifications = certifications;
        this.publications = publications;
        this.instructions = instructions;
    }

    public Mono<ProvisionsSection> section(Actor actor, UUID contractId) {
        var full =
                incidents
                        .list(actor, contractId, null, 1000, 0)
                        .concatMap(i -> incidents.find(actor, i.id()))
                        .collectList();
        return Mono.zip(
                        accessLog(contractId),
                        handling(contractId),
                        devices.list(actor, contractId, false).collectList(),
                        requests.list(actor, contractId, null)
                                .concatMap(r -> requests.find(actor, r.id()))
                                .collectList(),
                        full,
                        certifications.ofContract(contractId).collectList(),
                        instructions.list(actor, contractId, false, false).collectList())
                .flatMap(
                        t ->
                                Flux.fromIterable(t.getT5())
                                        .concatMap(timings::timing)
                                        .collectList()
                                        .zipWith(
                                                Flux.fromIterable(t.getT5())
                                                        .concatMap(publications::of)
                                                        .collectList())
                                        .map(
                                                tp -> {
                                                    var deviceList = t.getT3();
                                                    var d =
                                                            new ProvisionsSection.Devices(
                                                                    deviceList.size(),
                                                                    (int)
                                                                            deviceList.stream()
                                                                                    .filter(
                                                                                            x ->
                                                                                                    x
                                                                                                            .overdue())
                                                                                    .count(),
                                                                    (int)
                                                                            deviceList.stream()
                                                                                    .filter(
                                                                                            x ->
                                                                                                    "SUSPENDED"
                                                                                                            .equals(
                                                                                                                    x
                                                                                                                            .status()))
                                                                                    .count(),
                                                                    (int)
                                                                            deviceList.stream()
                                                                                    .filter(
                                                                                            x ->
                                                                                                    "DISCONNECTED"
                                                                                                            .equals(
                                                                                                                    x
                                                                                                                            .status()))
                                                                                    .count(),
                                                                    deviceList);
                                                    List<IncidentTiming> timing = tp.getT1();
                                                    var a = t.getT1();
                                                    var h = t.getT2();
                                                    var rq = t.getT4();
                                                    var certs = t.getT6();
                                                    var ins = t.getT7();
                                                    var summary =
                                                            new ProvisionsSection.Summary(
                                                                    a.reads(),
                                                                    a.refused(),
                                                                    h.acknowledged(),
                                                                    h
                                                                            .refusedWithoutAcknowledgement(),
                                                                    d.registered(),
                                                                    d.overdue(),
                                                                    d.suspended(),
                                                                    rq.size(),
                                                                    (int)
                                                                            rq.stream()
                                                                                    .filter(
                                                                                            r ->
                                                                                                    !"ANSWERED"
                                                                                                            .equals(
                                                                                                                    r
                                                                                                                            .state()))
                                                                                    .count(),
                                                                    (int)
                                                                            rq.stream()
                                                                                    .filter(
                                                                                            r ->
                                                                                                    r
                                                                                                            .late())
                                                                                    .count(),
                                                                    timing.size(),
                                                                    (int)
                                                                            timing.stream()
                                                                                    .flatMap(
                                                                                            x ->
                                                                                                    x
                                                                                                            .instructions()
                                                                                                            .stream())
                                                                                    .filter(
                                                                                            x ->
                                                                                                    x
                                                                                                                    .acknowledgedAt()
                                                                                                            == null)
                                                                                    .count(),
                                                                    certs.size(),
                                                                    (int)
                                                                            certs.stream()
                                                                                    .filter(
                                                                                            c ->
                                                                                                    "EXPIRED"
                                                                                                            .equals(
                                                                                                                    c
                                                                                                                            .state()))
                                                                                    .count(),
                                                                    (int)
                                                                            tp.getT2().stream()
                                                                                    .filter(
                                                                                            p ->
                                                                                                    "APPROVED"
                                                                                                            .equals(
                                                                                                                    p
                                                                                                                            .status()))
                                                                                    .count(),
                                                                    ins.size(),
                                                                    (int)
                                                                            ins.stream()
                                                                                    .filter(
                                                                                            i ->
                                                                                                    !"DONE"
                                                                                                            .equals(
                                                                                                                    i
                                                                                                                            .state()))
                                                                                    .count(),
                                                                    (int)
                                                                            ins.stream()
                                                                                    .filter(
                                                                                            i ->
                                                                                                    i
                                                                                                            .late())
                                                                                    .count());
                                                    return new ProvisionsSection(
                                                            a,
                                                            h,
                                                            d,
                                                            rq,
                                                            timing,
                                                            certs,
                                                            tp.getT2(),
                                                            ins,
                                                            summary);
                                                }));
    }

    private Mono<ProvisionsSection.AccessLog> accessLog(UUID contractId) {
        return db.sql(
                        """
                        SELECT l.user_id, u.username, p.name AS party_name, count(*) FILTER (WHERE l.outcome = 'READ') AS reads,
                               count(*) FILTER (WHERE l.outcome = 'REFUSED') AS refused, min(l.occurred_at) AS first,
                               max(l.occurred_at) AS last
                          FROM asset_access l LEFT JOIN app_user u ON u.id = l.user_id LEFT JOIN party p ON p.id = l.party_id
                         WHERE l.contract_id = :id GROUP BY l.user_id, u.username, p.name ORDER BY u.username""")
                .bind("id", contractId)
                .map(
                        r ->
                                new ProvisionsSection.AccessLog.Reader(
                                        r.get("user_id", UUID.class),
                                        r.get("username", String.class),
                                        r.get("party_name", String.class),
                                        r.get("reads", Long.class),
                                        r.get("refused", Long.class),
                                        r.get("first", OffsetDateTime.class).toInstant(),
                                        r.get("last", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .map(
                        readers ->
                                new ProvisionsSection.AccessLog(
                                        readers.stream().mapToLong(x -> x.reads()).sum(),
                                        readers.stream().mapToLong(x -> x.refused()).sum(),
                                        readers));
    }

    private Mono<ProvisionsSection.Handling> handling(UUID contractId) {
        Mono<Long> refused =
                db.sql(
                                "SELECT count(*) AS n FROM custody_event WHERE contract_id = :id AND refusal_code = :code")
                        .bind("id", contractId)
                        .bind("code", HANDLING_REFUSAL)
                        .map(r -> r.get("n", Long.class))
                        .one();
        return db.sql(
                        """
                        SELECT e.asset_id, a.tag, e.seq, e.type, e.occurred_at, u.username, e.transfer_id, e.note
                          FROM custody_event e JOIN asset a ON a.id = e.asset_id LEFT JOIN app_user u ON u.id = e.actor_user_id
                         WHERE e.contract_id = :id AND e.refusal_code IS NULL AND e.note LIKE :note
                         ORDER BY e.occurred_at, a.tag""")
                .bind("id", contractId)
                .bind("note", "%" + HANDLING_NOTE + "%")
                .map(
                        r ->
                                new ProvisionsSection.Handling.Acknowledgement(
                                        r.get("asset_id", UUID.class),
                                        r.get("tag", String.class),
                                        r.get("seq", Integer.class),
                                        r.get("type", String.class),
                                        r.get("occurred_at", OffsetDateTime.class).toInstant(),
                                        r.get("username", String.class),
                                        r.get("transfer_id", UUID.class),
                                        r.get("note", String.class)))
                .all()
                .collectList()
                .zipWith(
                        refused, (list, n) -> new ProvisionsSection.Handling(list.size(), n, list));
    }

    /**
     * The section as CSV lines: one per reader, acknowledgement, device, request, instruction,
     * certification, publication.
     */
    public static List<List<?>> lines(ProvisionsSection s) {
        List<List<?>> out = new ArrayList<>();
        for (var r : s.accessLog().byUser()) {
            out.add(
                    Arrays.asList(
                            "2.1",
                            "access",
                            Csv.plain(r.userId()),
                            r.refused() > 0 ? "REFUSED_READS" : "READS",
                            Csv.plain(r.last()),
                            r.username(),
                            r.reads() + " reads, " + r.refused() + " refused, from " + r.first()));
        }
        for (var a : s.handling().acknowledgements()) {
            out.add(
                    Arrays.asList(
                            "2.2",
                            "handling_acknowledged",
                            Csv.plain(a.assetId()),
                            a.type(),
                            Csv.plain(a.occurredAt()),
                            a.actorUsername(),
                            a.tag() + " #" + a.seq() + ": " + a.note()));
        }
        if (s.handling().refusedWithoutAcknowledgement() > 0) {
            out.add(
                    Arrays.asList(
                            "2.2",
                            "handling_refused",
                            "",
                            HANDLING_REFUSAL,
                            "",
                            "",
                            s.handling().refusedWithoutAcknowledgement()
                                    + " confirmations refused without acknowledgement"));
        }
        for (var d : s.devices().devices()) {
            out.add(
                    Arrays.asList(
                            "5",
                            "device",
                            Csv.plain(d.id()),
                            d.overdue() ? "OVERDUE" : d.status(),
                            Csv.plain(d.effectiveUntil()),
                            d.ownerName(),
                            d.name() + " / " + d.network() + " / " + d.purpose()));
        }
        for (var r : s.reportRequests()) {
            out.add(
                    Arrays.asList(
                            "8.1",
                            "report_request",
                            Csv.plain(r.id()),
                            r.late() ? r.state() + "_LATE" : r.state(),
                            Csv.plain(r.dueOn()),
                            r.answer() == null ? "" : r.answer().answeredByUsername(),
                            r.subject()
                                    + (r.answer() == null
                                            ? ""
                                            : " / answered "
                                                    + r.answer().answeredAt()
                                                    + ", "
                                                    + r.answer().attachments().size()
                                                    + " attachments")));
        }
        for (var t : s.incidentTimings()) {
            out.add(
                    Arrays.asList(
                            "8.2",
                            "incident_reported",
                            Csv.plain(t.incidentId()),
                            "",
                            Csv.plain(t.reportedAt()),
                            "",
                            "reported " + t.reportDelayMinutes() + " min after it occurred"));
            for (var i : t.instructions()) {
                out.add(
                        Arrays.asList(
                                "8.3",
                                "incident_instruction",
                                Csv.plain(i.entryId()),
                                i.acknowledgedAt() == null ? "UNACKNOWLEDGED" : "ACKNOWLEDGED",
                                Csv.plain(i.issuedAt()),
                                "",
                                i.acknowledgeDelayMinutes() == null
                                        ? i.text()
                                        : "acknowledged after "
                                                + i.acknowledgeDelayMinutes()
                                                + " min: "
                                                + i.text()));
            }
        }
        for (var c : s.certifications()) {
            out.add(
                    Arrays.asList(
                            "9",
                            "certification",
                            Csv.plain(c.id()),
                            c.state(),
                            Csv.plain(c.validUntil()),
                            c.partyName(),
                            c.scheme() + " " + c.number() + " sha256=" + c.certificate().sha256()));
        }
        for (var p : s.publications()) {
            out.add(
                    Arrays.asList(
                            "10",
                            "publication",
                            Csv.plain(p.incidentId()),
                            p.status(),
                            Csv.plain(p.approvedAt() == null ? p.writtenAt() : p.approvedAt()),
                            "",
                            p.summary()));
        }
        for (var i : s.instructions()) {
            out.add(
                    Arrays.asList(
                            "11",
                            "instruction",
                            Csv.plain(i.id()),
                            i.late() ? i.state() + "_LATE" : i.state(),
                            Csv.plain(i.dueOn()),
                            "",
                            i.text()));
        }
        return out;
    }
}
