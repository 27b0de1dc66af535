package jp.azukari.evidence;

import java.time.Clock;

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
    EvidenceQuery evidenceQuery(DatabaseClient db) {
        return new EvidenceQuery(db);
    }
}
