package jp.azukari.disposal;

import java.time.Clock;
import jp.azukari.custody.PriorApprovals;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.ledger.Ledger;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.unit.DataSize;

/** Certified disposal instead of return (art. 6). */
@Configuration(proxyBeanMethods = false)
class DisposalConfiguration {

    @Bean
    DisposalService disposalService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone,
            @Value("${azukari.disposal.certificate-max-size:10MB}") DataSize maxCertificate) {
        return new DisposalService(
                db,
                tx,
                ledger,
                new RecordedRefusals(ledger, tx, clock),
                new PriorApprovals(db),
                maxCertificate.toBytes(),
                clock,
                zone);
    }
}
