package jp.azukari.closeout;

import java.time.Clock;
import jp.azukari.contract.ContractService;
import jp.azukari.custody.RecordedRefusals;
import jp.azukari.ledger.Ledger;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Completion and close-out of contracts (art. 6, 7). */
@Configuration(proxyBeanMethods = false)
class CloseOutConfiguration {

    @Bean
    CloseOutService closeOutService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            ContractService contracts,
            Clock clock,
            AgencyTimeZone zone) {
        return new CloseOutService(
                db, tx, new RecordedRefusals(ledger, tx, clock), contracts, clock, zone);
    }
}
