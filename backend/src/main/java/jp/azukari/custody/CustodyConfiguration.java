package jp.azukari.custody;

import java.time.Clock;

import jp.azukari.approval.ApprovalService;
import jp.azukari.asset.AssetService;
import jp.azukari.contract.ContractService;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerVerifier;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The custody use cases, wired explicitly so each can be found from here. */
@Configuration(proxyBeanMethods = false)
class CustodyConfiguration {

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager tm) {
        return TransactionalOperator.create(tm);
    }

    @Bean
    Ledger ledger(DatabaseClient db) {
        return new Ledger(db);
    }

    @Bean
    LedgerVerifier ledgerVerifier(DatabaseClient db, ReactiveTransactionManager tm) {
        return new LedgerVerifier(db, tm);
    }

    @Bean
    ContractService contractService(DatabaseClient db) {
        return new ContractService(db);
    }

    @Bean
    AssetService assetService(DatabaseClient db, TransactionalOperator tx, Ledger ledger, Clock clock, AgencyTimeZone zone) {
        return new AssetService(db, tx, ledger, clock, zone);
    }

    @Bean
    ApprovalService approvalService(DatabaseClient db, TransactionalOperator tx, Clock clock, AgencyTimeZone zone,
                                    jp.azukari.evidence.EvidenceLog evidence) {
        return new ApprovalService(db, tx, clock, zone, evidence);
    }

    @Bean
    TransferService transferService(DatabaseClient db, TransactionalOperator tx, Ledger ledger, ApprovalService approvals,
                                    ObjectProvider<TrainingGate> training, Clock clock, AgencyTimeZone zone,
                                    @Value("${azukari.confirm.groups-in-flight:2}") int groupsInFlight) {
        return new TransferService(db, tx, ledger, approvals, training.getIfAvailable(TrainingGate::notRequired),
                new RecordedRefusals(ledger, tx, clock), clock, zone, groupsInFlight);
    }
}
