package jp.azukari.evidence;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceLog evidenceLog(DatabaseClient db, Clock clock) {
        return new EvidenceLog(db, clock);
    }

    @Bean
    LabelGuessing labelGuessing(
            DatabaseClient db,
            EvidenceLog log,
            Clock clock,
            @Value("${azukari.labels.bad-label-limit:500}") int limit,
            @Value("${azukari.labels.bad-label-window:1h}") Duration window) {
        return new LabelGuessing(db, log, clock, limit, window);
    }

    @Bean
    EvidenceQuery evidenceQuery(DatabaseClient db) {
        return new EvidenceQuery(db);
    }
}
