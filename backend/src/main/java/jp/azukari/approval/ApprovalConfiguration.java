package jp.azukari.approval;

import java.time.Clock;
import jp.azukari.evidence.EvidenceLog;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    @Bean
    ApprovalService approvalService(
            DatabaseClient db,
            TransactionalOperator tx,
            Clock clock,
            AgencyTimeZone zone,
            EvidenceLog evidence) {
        return new ApprovalService(db, tx, clock, zone, evidence);
    }
}
