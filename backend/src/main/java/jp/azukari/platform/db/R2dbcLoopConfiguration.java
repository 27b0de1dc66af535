package jp.azukari.platform.db;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.LoopResources;

/**
 * Gives the PostgreSQL driver event loops of its own, with colocation off. By default reactor-netty puts a
 * connection opened from an event-loop thread on that same thread; the pool opens its connections from one, so
 * every connection — and all the work that continues from their answers — ended up on a single thread while the
 * other cores idled (measured: one loop with over a second of CPU, its siblings with a millisecond).
 */
@Configuration(proxyBeanMethods = false)
class R2dbcLoopConfiguration {

    @Bean(destroyMethod = "dispose")
    LoopResources postgresLoops() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return LoopResources.create("r2dbc-postgres", 1, threads, true, false);
    }

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer postgresLoopsCustomizer(LoopResources postgresLoops) {
        return builder -> builder.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, postgresLoops);
    }
}
