package jp.azukari.party;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PartyConfiguration {

    @Bean
    PartyRepository partyRepository(DatabaseClient db) {
        return new PartyRepository(db);
    }

    @Bean
    PartyService partyService(PartyRepository parties) {
        return new PartyService(parties);
    }
}
