package jp.azukari.ledger;

import java.time.Clock;
import java.time.Duration;
import jp.azukari.platform.AgencyTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** What auditors read of the ledger: timelines, verification runs, evidence of refused attempts. */
@Configuration(proxyBeanMethods = false)
class LedgerReadingConfiguration {

    @Bean
    AssetTimeline assetTimeline(DatabaseClient db) {
        return new AssetTimeline(db);
    }

    @Bean
    VerificationRuns verificationRuns(
            DatabaseClient db,
            LedgerVerifier verifier,
            Clock clock,
            @Value("${azukari.ledger.verification-beat:PT1S}") Duration beat) {
        return new VerificationRuns(db, verifier, clock, beat);
    }

    @Bean
    Evidence evidence(DatabaseClient db, AgencyTimeZone zone) {
        return new Evidence(db, zone);
    }
}
