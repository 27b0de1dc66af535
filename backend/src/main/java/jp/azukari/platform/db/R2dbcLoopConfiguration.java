package jp.azukari.platform.db;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Gives the PostgreSQL driver event loops of its own and spreads its connections over them.
 *
 * <p>Each connection's answers, and all the work that continues from them, run on the loop thread
 * the connection was registered with. Reactor Netty asks the group for a loop more than once per
 * connection (for the channel, then for the address resolver), so with the usual round-robin choice
 * and an even number of loops every connection landed on the same loop: measured on two cores, one
 * thread with all the database work and its sibling never started. Here each connection goes to the
 * loop with the fewest registered channels instead.
 */
@Configuration(proxyBeanMethods = false)
class R2dbcLoopConfiguration {

    @Bean(destroyMethod = "dispose")
    LoopResources postgresLoops() {
        return new SpreadLoops(
                "r2dbc-postgres", Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer postgresLoopsCustomizer(LoopResources postgresLoops) {
        return builder ->
                builder.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, postgresLoops);
    }

    /**
     * One group of daemon loop threads (epoll where available) that hands out the least-occupied
     * loop.
     */
    static final class SpreadLoops implements LoopResources {

        private final EventLoopGroup group;

        SpreadLoops(String prefix, int threads) {
            IoHandlerFactory io =
                    Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
            this.group =
                    new CountingGroup(
                            threads,
                            new ThreadPerTaskExecutor(new DefaultThreadFactory(prefix, true)),
                            io);
        }

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return group;
        }

        @Override
        public boolean daemon() {
            return true;
        }

        @Override
        public boolean isDisposed() {
            return group.isShuttingDown();
        }

        @Override
        public void dispose() {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }

        @Override
        public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
            return Mono.defer(
                    () -> {
                        var done =
                                group.shutdownGracefully(
                                        quietPeriod.toMillis(),
                                        timeout.toMillis(),
                                        TimeUnit.MILLISECONDS);
                        return Mono.create(sink -> done.addListener(f -> sink.success()));
                    });
        }
    }

    /** Loops that tell how many channels they serve. */
    static final class CountingGroup extends MultiThreadIoEventLoopGroup {

        CountingGroup(int threads, Executor executor, IoHandlerFactory io) {
            super(threads, executor, LeastOccupied.FACTORY, io);
        }

        @Override
        protected IoEventLoop newChild(Executor executor, IoHandlerFactory io, Object... args) {
            return new CountingLoop(this, executor, io);
        }
    }

    static final class CountingLoop extends SingleThreadIoEventLoop {

        CountingLoop(IoEventLoopGroup parent, Executor executor, IoHandlerFactory io) {
            super(parent, executor, io);
        }

        int channels() {
            return getNumOfRegisteredChannels();
        }
    }

    /** Chooses the loop with the fewest registered channels; ties go round in turn. */
    static final class LeastOccupied implements EventExecutorChooserFactory.EventExecutorChooser {

        static final EventExecutorChooserFactory FACTORY = LeastOccupied::new;

        private final EventExecutor[] loops;
        private final AtomicInteger turn = new AtomicInteger();

        LeastOccupied(EventExecutor[] loops) {
            this.loops = loops.clone();
        }

        @Override
        public EventExecutor next() {
            int start = Math.floorMod(turn.getAndIncrement(), loops.length);
            EventExecutor best = loops[start];
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < loops.length; i++) {
                EventExecutor loop = loops[(start + i) % loops.length];
                int channels = loop instanceof CountingLoop l ? l.channels() : 0;
                if (channels < fewest) {
                    fewest = channels;
                    best = loop;
                }
            }
            return best;
        }
    }
}
