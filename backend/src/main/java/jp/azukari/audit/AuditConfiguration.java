package jp.azukari.audit;

import java.time.Clock;
import jp.azukari.incident.IncidentService;
import jp.azukari.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Audit sessions (art. 9). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditService auditService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            IncidentService incidents,
            Clock clock) {
        return new AuditService(db, tx, ledger, incidents, clock);
    }

    @Bean
    AuditScans auditScans(DatabaseClient db) {
        return new AuditScans(db);
    }
}
