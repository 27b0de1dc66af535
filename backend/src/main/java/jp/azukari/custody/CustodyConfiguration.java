package jp.azukari.custody;

import java.time.Clock;
import jp.azukari.custody.persistence.ConfirmationStatement;
import jp.azukari.custody.persistence.IdempotencyKeys;
import jp.azukari.custody.persistence.TransferLocks;
import jp.azukari.custody.persistence.TransferQueries;
import jp.azukari.custody.persistence.TransferWrites;
import jp.azukari.ledger.Ledger;
import jp.azukari.ledger.LedgerSnapshot;
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
    LedgerVerifier ledgerVerifier(
            DatabaseClient db, ReactiveTransactionManager tm, LedgerSnapshot ledgerSnapshot) {
        return new LedgerVerifier(db, tm, ledgerSnapshot);
    }

    @Bean
    ShowingHandling showingHandling(DatabaseClient db, TransferService transfers) {
        return new ShowingHandling(db, transfers);
    }

    @Bean
    TransferService transferService(
            DatabaseClient db,
            TransactionalOperator tx,
            Ledger ledger,
            ObjectProvider<TrainingGate> trainingGate,
            Clock clock,
            AgencyTimeZone zone,
            @Value("${azukari.confirm.groups-in-flight:2}") int groupsInFlight) {
        var queries = new TransferQueries(db);
        var writes = new TransferWrites(db);
        var keys = new IdempotencyKeys(db);
        var locks = new TransferLocks(db);
        var statement = new ConfirmationStatement(db, ledger);
        var approvals = new PriorApprovals(db);
        var refusals = new RecordedRefusals(ledger, tx, clock);
        TrainingGate training = trainingGate.getIfAvailable(TrainingGate::notRequired);
        var ending = new EndingTransfer(locks, queries, writes, ledger, tx, clock);

        var opening =
                new OpeningTransfer(
                        queries, writes, keys, approvals, ledger, refusals, tx, clock, zone);
        var confirming =
                new ConfirmingTransfer(
                        locks, statement, approvals, training, refusals, tx, clock, zone);
        return new TransferService(
                opening,
                new OpeningOnce(opening, keys, queries),
                confirming,
                new ConfirmingTogether(
                        confirming,
                        locks,
                        statement,
                        approvals,
                        training,
                        tx,
                        clock,
                        zone,
                        groupsInFlight),
                new ConfirmingEachLine(confirming, ledger, clock, zone),
                new CancellingTransfer(ending, queries),
                new ClosingWithMissingLines(ending),
                queries);
    }
}
