package jp.azukari.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.azukari.certification.CertificationView;
import jp.azukari.device.DeviceView;
import jp.azukari.instruction.IncidentTiming;
import jp.azukari.instruction.InstructionView;
import jp.azukari.publication.PublicationView;
import jp.azukari.reportrequest.ReportRequestView;

/**
 * The part of a contract's compliance report that covers the provisions beyond custody: per
 * article, what happened under the contract. Built by {@link ProvisionsReportService}.
 */
public record ProvisionsSection(
        AccessLog accessLog,
        Handling handling,
        Devices devices,
        List<ReportRequestView> reportRequests,
        List<IncidentTiming> incidentTimings,
        List<CertificationView> certifications,
        List<PublicationView> publications,
        List<InstructionView> instructions,
        Summary summary) {

    /** Art. 2.1: contractor-side reads of the contract's assets, per user. */
    public record AccessLog(long reads, long refused, List<Reader> byUser) {

        public record Reader(
                UUID userId,
                String username,
                String partyName,
                long reads,
                long refused,
                Instant first,
                Instant last) {}
    }

    /**
     * Art. 2.2: receipts confirmed with the handling requirements acknowledged, and confirmations
     * refused without.
     */
    public record Handling(
            long acknowledged,
            long refusedWithoutAcknowledgement,
            List<Acknowledgement> acknowledgements) {

        public record Acknowledgement(
                UUID assetId,
                String tag,
                int seq,
                String type,
                Instant occurredAt,
                String actorUsername,
                UUID transferId,
                String note) {}
    }

    /**
     * Art. 5: the register, with the devices still active past their approval and those suspended
     * or disconnected.
     */
    public record Devices(
            int registered,
            int overdue,
            int suspended,
            int disconnected,
            List<DeviceView> devices) {}

    /** Counts per article, for a reader who wants the gist (and for the CSV's first lines). */
    public record Summary(
            long accessReads,
            long accessRefused,
            long handlingAcknowledged,
            long handlingRefused,
            int devices,
            int devicesOverdue,
            int devicesSuspended,
            int reportRequests,
            int reportRequestsOpen,
            int reportRequestsLate,
            int incidents,
            int incidentInstructionsUnacknowledged,
            int certifications,
            int certificationsExpired,
            int publicationsApproved,
            int instructions,
            int instructionsOpen,
            int instructionsLate) {}
}
