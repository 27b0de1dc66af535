package jp.azukari.ledger;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;

/** Signed digests of the ledger and the key that signs them. */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

    @Bean
    LedgerKeys ledgerKeys(DatabaseClient db) {
        return new LedgerKeys(db, new SecureRandom());
    }

    @Bean
    DigestService digestService(
            DatabaseClient db,
            ReactiveTransactionManager tm,
            LedgerKeys keys,
            LedgerVerifier verifier,
            Clock clock) {
        return new DigestService(db, tm, keys, verifier, clock);
    }
}
