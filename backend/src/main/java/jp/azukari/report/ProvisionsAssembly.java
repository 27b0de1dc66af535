package jp.azukari.report;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import jp.azukari.certification.CertificationView;
import jp.azukari.device.DeviceView;
import jp.azukari.instruction.IncidentTiming;
import jp.azukari.instruction.InstructionView;
import jp.azukari.publication.PublicationView;
import jp.azukari.reportrequest.ReportRequestView;

/** Puts the provisions section together from its parts, with the counts of its summary. Pure. */
final class ProvisionsAssembly {

    private ProvisionsAssembly() {}

    static ProvisionsSection of(
            ProvisionsSection.AccessLog access,
            ProvisionsSection.Handling handling,
            List<DeviceView> deviceList,
            List<ReportRequestView> requests,
            List<IncidentTiming> timings,
            List<CertificationView> certifications,
            List<PublicationView> publications,
            List<InstructionView> instructions) {
        var devices =
                new ProvisionsSection.Devices(
                        deviceList.size(),
                        count(deviceList, DeviceView::overdue),
                        count(deviceList, d -> "SUSPENDED".equals(d.status())),
                        count(deviceList, d -> "DISCONNECTED".equals(d.status())),
                        deviceList);
        var summary =
                new ProvisionsSection.Summary(
                        access.reads(),
                        access.refused(),
                        handling.acknowledged(),
                        handling.refusedWithoutAcknowledgement(),
                        devices.registered(),
                        devices.overdue(),
                        devices.suspended(),
                        requests.size(),
                        count(requests, r -> !"ANSWERED".equals(r.state())),
                        count(requests, ReportRequestView::late),
                        timings.size(),
                        count(
                                timings.stream().flatMap(x -> x.instructions().stream()).toList(),
                                x -> x.acknowledgedAt() == null),
                        certifications.size(),
                        count(certifications, c -> "EXPIRED".equals(c.state())),
                        count(publications, p -> "APPROVED".equals(p.status())),
                        instructions.size(),
                        count(instructions, i -> !"DONE".equals(i.state())),
                        count(instructions, InstructionView::late));
        return new ProvisionsSection(
                access,
                handling,
                devices,
                requests,
                timings,
                certifications,
                publications,
                instructions,
                summary);
    }

    private static <T> int count(Collection<T> items, Predicate<? super T> which) {
        return (int) items.stream().filter(which).count();
    }
}
