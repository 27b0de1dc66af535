package jp.azukari.label;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class LabelConfiguration {

    @Bean
    LabelKeyStore labelKeyStore(DatabaseClient db, TransactionalOperator tx, SecureRandom random) {
        return new LabelKeyStore(db, tx, random);
    }

    @Bean
    LabelService labelService(
            DatabaseClient db,
            LabelKeyStore keys,
            @Value("${azukari.labels.base-url:}") String baseUrl) {
        return new LabelService(db, keys, Optional.of(baseUrl));
    }

    /**
     * The labels in a photo or camera frame from the console's scan station (same decoder as the
     * scanner app).
     */
    @Bean
    LabelPhotoReader labelPhotoReader() {
        return new LabelPhotoReader();
    }

    /** The first start makes the first label key (a startup step, so waiting here is fine). */
    @Bean
    ApplicationRunner labelKeyRunner(LabelKeyStore keys) {
        return args -> keys.ensureKey().block(Duration.ofMinutes(1));
    }
}
