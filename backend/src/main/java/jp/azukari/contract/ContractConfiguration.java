package jp.azukari.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class ContractConfiguration {

    @Bean
    ContractService contractService(DatabaseClient db) {
        return new ContractService(db);
    }
}
