package jp.azukari.inspection;

import java.time.Clock;
import jp.azukari.ledger.DigestService;
import jp.azukari.ledger.LedgerKeys;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Inspection (art. 9): the compliance report as PDF and the inspection bundle. */
@Configuration(proxyBeanMethods = false)
class InspectionConfiguration {

    @Bean
    ComplianceReportPdf complianceReportPdf(DatabaseClient db, AgencyTimeZone zone) {
        return new ComplianceReportPdf(db, zone::zone);
    }

    @Bean
    InspectionService inspectionService(
            DatabaseClient db,
            DigestService digests,
            LedgerVerifier verifier,
            LedgerKeys keys,
            ComplianceReportPdf pdf,
            Clock clock) {
        return new InspectionService(db, digests, verifier, keys, pdf, clock);
    }
}
