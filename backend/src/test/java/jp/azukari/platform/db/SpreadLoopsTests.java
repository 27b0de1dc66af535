package jp.azukari.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * The database driver's connections must be spread over its event loops. Reactor Netty asks the
 * group for a loop more than once per connection, so plain round robin over two loops put every
 * connection on the first one.
 */
class SpreadLoopsTests {

    @Test
    void connections_opened_one_after_another_are_shared_evenly_between_the_loops() {
        var loops = new R2dbcLoopConfiguration.SpreadLoops("spread-test", 2);
        DisposableServer server = TcpServer.create().host("127.0.0.1").port(0).bindNow();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                // connected the way the PostgreSQL driver connects: an unresolved address, a new
                // connection each time
                connections.add(
                        TcpClient.create(ConnectionProvider.newConnection())
                                .runOn(loops)
                                .remoteAddress(
                                        () ->
                                                InetSocketAddress.createUnresolved(
                                                        "127.0.0.1", server.port()))
                                .connectNow());
            }
            Map<EventLoop, Integer> perLoop = new HashMap<>();
            connections.forEach(c -> perLoop.merge(c.channel().eventLoop(), 1, Integer::sum));

            assertThat(perLoop).hasSize(2);
            assertThat(perLoop.values()).containsOnly(4);
        } finally {
            connections.forEach(Connection::disposeNow);
            server.disposeNow();
            loops.dispose();
        }
    }
}
