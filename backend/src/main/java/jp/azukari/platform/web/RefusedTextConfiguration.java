package jp.azukari.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

@Configuration(proxyBeanMethods = false)
class RefusedTextConfiguration {

    /** Spring Boot adds every JacksonModule bean to the JSON mapper the codecs use. */
    @Bean
    JacksonModule refusedTextModule() {
        return RefusedText.jsonModule();
    }
}
