package jp.azukari.auth;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Listens on {@code azukari_user_state} over one connection of its own (outside the pool) and tells
 * {@link CurrentUsers} which users changed. When the connection is lost, {@link CurrentUsers} stops
 * remembering until the listener is back (every second it tries again), so no change can be missed.
 */
class UserStateNotifications implements SmartLifecycle {

    static final String CHANNEL = "azukari_user_state";
    private static final Logger log = LoggerFactory.getLogger(UserStateNotifications.class);

    private final ConnectionFactory factory;
    private final CurrentUsers users;
    private volatile boolean running;
    private volatile Disposable subscription;
    private volatile Connection connection;

    UserStateNotifications(ConnectionFactory pooled, CurrentUsers users) {
        this.factory = unwrap(pooled);
        this.users = users;
    }

    @SuppressWarnings("unchecked")
    private static ConnectionFactory unwrap(ConnectionFactory f) {
        // the pool's connections go back to the pool; a listener needs a connection that stays its
        // own
        while (f instanceof Wrapped<?> w && w.unwrap() instanceof ConnectionFactory inner) {
            f = inner;
        }
        return f;
    }

    @Override
    public void start() {
        running = true;
        connect();
    }

    private void connect() {
        if (!running) {
            return;
        }
        subscription =
                Mono.from(factory.create())
                        .flatMapMany(
                                c -> {
                                    connection = c;
                                    PostgresqlConnection pg = (PostgresqlConnection) c;
                                    // hear first, then listen: nothing announced after LISTEN can
                                    // slip by
                                    Mono<io.r2dbc.postgresql.api.Notification> listen =
                                            pg.createStatement("LISTEN " + CHANNEL)
                                                    .execute()
                                                    .flatMap(r -> r.getRowsUpdated())
                                                    .then(
                                                            Mono.fromRunnable(
                                                                    () -> users.listening(true)));
                                    return reactor.core.publisher.Flux.merge(
                                            pg.getNotifications(), listen);
                                })
                        .subscribe(
                                n -> {
                                    try {
                                        users.forget(UUID.fromString(n.getParameter()));
                                    } catch (IllegalArgumentException | NullPointerException e) {
                                        users.forgetAll();
                                    }
                                },
                                e -> lost(e),
                                () -> lost(null));
    }

    private void lost(Throwable e) {
        users.listening(false);
        close();
        if (running) {
            log.warn(
                    "Lost the user-state listener connection; user state is read on every request until it is back: {}",
                    e == null ? "closed" : e.toString());
            Mono.delay(Duration.ofSeconds(1)).subscribe(t -> connect());
        }
    }

    private void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            Mono.from(c.close()).onErrorResume(x -> Mono.empty()).subscribe();
        }
    }

    @Override
    public void stop() {
        running = false;
        users.listening(false);
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
