package jp.azukari.certification;

import java.time.Clock;
import jp.azukari.files.EvidenceFiles;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;

/** Certifications (art. 9) and the evidence files they and report answers keep. */
@Configuration(proxyBeanMethods = false)
class CertificationConfiguration {

    @Bean
    EvidenceFiles evidenceFiles(DatabaseClient db, Clock clock) {
        return new EvidenceFiles(db, clock);
    }

    @Bean
    CertificationService certificationService(
            DatabaseClient db,
            TransactionalOperator tx,
            EvidenceFiles files,
            Clock clock,
            AgencyTimeZone zone,
            @Value("${azukari.disposal.certificate-max-size:10MB}") DataSize max,
            @Value("${azukari.certifications.expiring-within-days:60}") int warnDays) {
        return new CertificationService(db, tx, files, clock, zone, max.toBytes(), warnDays);
    }
}
