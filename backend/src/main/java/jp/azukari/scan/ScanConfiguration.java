package jp.azukari.scan;

import java.time.Clock;
import jp.azukari.custody.TransferService;
import jp.azukari.evidence.LabelGuessing;
import jp.azukari.label.LabelService;
import jp.azukari.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

    @Bean
    ScanService scanService(
            DatabaseClient db,
            TransactionalOperator tx,
            LabelService labels,
            TransferService transfers,
            Ledger ledger,
            JsonMapper json,
            Clock clock,
            LabelGuessing guessing,
            jp.azukari.audit.AuditScans audits) {
        return new ScanService(db, tx, labels, transfers, ledger, json, clock, guessing, audits);
    }
}
