package jp.azukari.report;

import java.time.Clock;
import jp.azukari.certification.CertificationService;
import jp.azukari.device.DeviceService;
import jp.azukari.incident.IncidentService;
import jp.azukari.instruction.IncidentAcknowledgements;
import jp.azukari.instruction.InstructionService;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.publication.PublicationService;
import jp.azukari.reportrequest.ReportRequestService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Overdue and compliance reports (art. 6, 8). */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    OverdueQuery overdueQuery(DatabaseClient db, TransactionalOperator tx) {
        return new OverdueQuery(db, tx);
    }

    @Bean
    OverdueReportService overdueReportService(
            OverdueQuery query, Clock clock, AgencyTimeZone zone) {
        return new OverdueReportService(query, clock, zone);
    }

    @Bean
    ContractReportService contractReportService(
            DatabaseClient db,
            LedgerVerifier verifier,
            Clock clock,
            AgencyTimeZone zone,
            ProvisionsReportService provisions) {
        return new ContractReportService(db, verifier, clock, zone, provisions);
    }

    @Bean
    ProvisionsReportService provisionsReportService(
            DatabaseClient db,
            DeviceService devices,
            ReportRequestService requests,
            IncidentService incidents,
            IncidentAcknowledgements timings,
            CertificationService certifications,
            PublicationService publications,
            InstructionService instructions) {
        return new ProvisionsReportService(
                db,
                devices,
                requests,
                incidents,
                timings,
                certifications,
                publications,
                instructions);
    }
}
