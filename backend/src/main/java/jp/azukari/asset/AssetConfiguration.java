package jp.azukari.asset;

import java.time.Clock;
import jp.azukari.ledger.Ledger;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

    @Bean
    AssetService assetService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            Clock clock,
            AgencyTimeZone zone) {
        return new AssetService(db, tx, ledger, clock, zone);
    }
}
