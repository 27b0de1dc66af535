package jp.azukari.platform.console;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.LiteWebJarsResourceResolver;
import org.springframework.web.reactive.resource.TransformedResource;
import reactor.core.publisher.Mono;

/**
 * The console's style sheets and scripts ({@code static/css}, {@code static/js}) at {@code
 * /console/**}, and WebJars at {@code /webjars/**} without their version. Files are sent from
 * memory: a file on disk (a run from {@code target/classes}) would otherwise go out by zero-copy
 * sendfile, which stalled under load in the browser tests. (Spring Boot's own static mappings are
 * off: {@code spring.web.resources.add-mappings=false}.)
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebFluxConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .resourceChain(true)
                .addTransformer(
                        (exchange, resource, chain) ->
                                Mono.fromCallable(
                                        () ->
                                                new TransformedResource(
                                                        resource,
                                                        resource.getContentAsByteArray())));
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
