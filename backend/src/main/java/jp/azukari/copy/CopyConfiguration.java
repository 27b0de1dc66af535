package jp.azukari.copy;

import java.time.Clock;
import jp.azukari.custody.PriorApprovals;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.ledger.Ledger;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Approved copies and take-outs (art. 2.3). */
@Configuration(proxyBeanMethods = false)
class CopyConfiguration {

    @Bean
    CopyService copyService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone) {
        return new CopyService(
                db,
                tx,
                ledger,
                new RecordedRefusals(ledger, tx, clock),
                new PriorApprovals(db),
                clock,
                zone);
    }

    @Bean
    TakeOutService takeOutService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone) {
        return new TakeOutService(
                db,
                tx,
                ledger,
                new RecordedRefusals(ledger, tx, clock),
                new PriorApprovals(db),
                clock,
                zone);
    }
}
