package jp.azukari.dashboard;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Hears the database's change announcements (channel {@value #CHANNEL}, written by the triggers of
 * V40 in the transaction of each change) on one connection of its own, outside the pool, and hands
 * them to this instance's listeners. The connection is checked every {@code keepAlive}; when it is
 * lost the feed listens again on a new one and announces {@value #RESYNC}, so pages re-read what
 * they may have missed meanwhile.
 *
 * <p>The sink holds nothing another instance needs: every instance hears every change from
 * PostgreSQL itself.
 */
public class ChangeFeed implements SmartLifecycle {

    public static final String CHANNEL = "azukari_changes";

    /** Announced when the feed (re)starts listening: changes may have been missed. */
    public static final String RESYNC = "resync";

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final ConnectionFactory connections;
    private final Duration keepAlive;
    private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;
    private volatile boolean listening;
    private volatile int backendPid;

    /**
     * {@code connections} may be the application's pool: the feed takes a connection from the
     * factory behind it.
     */
    public ChangeFeed(ConnectionFactory connections, Duration keepAlive) {
        this.connections = unpooled(connections);
        this.keepAlive = keepAlive;
    }

    /**
     * The names of changed tables as they are announced (and {@value #RESYNC}); hot, never
     * completes.
     */
    public Flux<String> changes() {
        return sink.asFlux();
    }

    /** Whether the feed listens right now. */
    public boolean listening() {
        return listening;
    }

    /**
     * The PostgreSQL backend process of the listening connection (for diagnostics), 0 while not
     * listening.
     */
    public int backendPid() {
        return listening ? backendPid : 0;
    }

    @Override
    public void start() {
        running =
                Flux.defer(this::listenOnce)
                        .doOnComplete(() -> listening = false)
                        .doOnError(
                                e -> {
                                    listening = false;
                                    log.warn(
                                            "Lost the change notification connection ({}); listening again",
                                            e.toString());
                                })
                        .retryWhen(
                                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                                        .maxBackoff(Duration.ofSeconds(5))
                                        .transientErrors(true))
                        .repeat()
                        .subscribe(change -> sink.tryEmitNext(change));
    }

    private Flux<String> listenOnce() {
        return Flux.usingWhen(
                connections.create(),
                c -> {
                    PostgresqlConnection pg = postgres(c);
                    Flux<String> heard = pg.getNotifications().map(Notification::getParameter);
                    Mono<String> listen =
                            Flux.from(pg.createStatement("LISTEN " + CHANNEL).execute())
                                    .flatMap(r -> r.getRowsUpdated())
                                    .thenMany(
                                            pg.createStatement("SELECT pg_backend_pid() AS pid")
                                                    .execute())
                                    .flatMap(r -> r.map(row -> row.get("pid", Integer.class)))
                                    .next()
                                    .map(
                                            pid -> {
                                                backendPid = pid;
                                                listening = true;
                                                log.debug(
                                                        "Listening for changes on backend {}", pid);
                                                return RESYNC;
                                            });
                    Flux<String> alive =
                            Flux.interval(keepAlive)
                                    .concatMap(
                                            i ->
                                                    Mono.from(pg.validate(ValidationDepth.REMOTE))
                                                            .timeout(keepAlive))
                                    .concatMap(
                                            ok ->
                                                    ok
                                                            ? Mono.<String>empty()
                                                            : Mono.error(
                                                                    new IllegalStateException(
                                                                            "connection is not valid")));
                    return Flux.merge(heard, listen, alive);
                },
                Connection::close,
                (c, e) -> Mono.from(c.close()).onErrorComplete(),
                Connection::close);
    }

    @Override
    public void stop() {
        Disposable r = running;
        if (r != null) {
            r.dispose();
        }
        listening = false;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    private static PostgresqlConnection postgres(Connection c) {
        Object inner = c;
        while (!(inner instanceof PostgresqlConnection) && inner instanceof Wrapped<?> w) {
            inner = w.unwrap();
        }
        if (inner instanceof PostgresqlConnection pg) {
            return pg;
        }
        throw new IllegalStateException(
                "Change notifications need a PostgreSQL connection, got " + c.getClass());
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory f = factory;
        while (f instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory inner) {
            f = inner;
        }
        return f;
    }
}
