package jp.azukari.platform.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import jp.azukari.approval.ApprovalService;
import jp.azukari.asset.AssetService;
import jp.azukari.contract.ContractService;
import jp.azukari.custody.TransferService;
import jp.azukari.platform.AgencyTimeZone;
import jp.azukari.platform.bootstrap.FirstStart;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code azukari.demo.enabled=true} (or {@code ./run --demo}) loads the demo data set after the
 * first start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "azukari.demo.enabled", havingValue = "true")
class DemoConfiguration {

    @Bean
    DemoData demoData(
            DatabaseClient db,
            PasswordEncoder passwords,
            SecureRandom random,
            ContractService contracts,
            AssetService assets,
            ApprovalService approvals,
            TransferService transfers,
            Clock clock,
            AgencyTimeZone zone) {
        return new DemoData(
                db, passwords, random, contracts, assets, approvals, transfers, clock, zone);
    }

    /**
     * After the first start made the agency and its administrator (run here too: it is idempotent
     * and the order of runners is not ours to rely on). A startup step, so waiting here is fine.
     */
    @Bean
    ApplicationRunner demoDataRunner(FirstStart firstStart, DemoData demo) {
        return args -> firstStart.run().then(demo.load()).block(Duration.ofMinutes(2));
    }
}
