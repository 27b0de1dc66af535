package jp.azukari.reportrequest;

import java.time.Clock;
import jp.azukari.files.EvidenceFiles;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;

/**
 * Report requests (art. 8.1); attachments share the disposal certificates' size limit and types.
 */
@Configuration(proxyBeanMethods = false)
class ReportRequestConfiguration {

    @Bean
    ReportRequestService reportRequestService(
            DatabaseClient db,
            TransactionalOperator tx,
            EvidenceFiles files,
            Clock clock,
            AgencyTimeZone zone,
            @Value("${azukari.disposal.certificate-max-size:10MB}") DataSize max) {
        return new ReportRequestService(db, tx, files, clock, zone, max.toBytes());
    }
}
