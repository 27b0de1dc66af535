package jp.azukari.ledger;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
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
            LedgerSnapshot jdbc,
            Clock clock) {
        return new DigestService(db, tm, keys, verifier, jdbc, clock);
    }

    /**
     * Plain-JDBC reads of the whole ledger as the application role; {@code
     * azukari.ledger.read-threads} connections at once (default: the processors, at least 2).
     */
    @Bean
    LedgerSnapshot ledgerSnapshot(
            @Value("${azukari.db.resolved-jdbc-url}") String url,
            @Value("${spring.r2dbc.username}") String user,
            @Value("${spring.r2dbc.password:}") String password,
            @Value("${azukari.ledger.read-threads:0}") int threads) {
        return new LedgerSnapshot(
                url,
                user,
                password,
                threads > 0 ? threads : Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
