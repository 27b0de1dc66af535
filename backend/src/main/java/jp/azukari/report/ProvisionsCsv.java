package jp.azukari.report;

import static jp.azukari.report.ProvisionsReportService.HANDLING_REFUSAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The provisions section as CSV lines, article first. */
final class ProvisionsCsv {

    static final List<String> HEADER =
            List.of("article", "item", "id", "status", "date", "who", "detail");

    private ProvisionsCsv() {}

    /**
     * One line per reader, acknowledgement, device, request, instruction, certification,
     * publication.
     */
    static List<List<?>> lines(ProvisionsSection s) {
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
