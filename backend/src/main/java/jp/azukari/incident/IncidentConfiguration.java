package jp.azukari.incident;

import java.time.Clock;
import jp.azukari.custody.TransferService;
import jp.azukari.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Incidents and their handling (art. 8). */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

    @Bean
    IncidentService incidentService(
            DatabaseClient db, TransactionalOperator tx, Ledger ledger, Clock clock) {
        return new IncidentService(db, tx, ledger, clock);
    }

    @Bean
    MissingLines missingLines(
            TransferService transfers,
            IncidentService incidents,
            TransactionalOperator tx,
            Clock clock) {
        return new MissingLines(transfers, incidents, tx, clock);
    }
}
