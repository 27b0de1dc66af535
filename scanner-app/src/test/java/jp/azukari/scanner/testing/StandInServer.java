package jp.azukari.scanner.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A misbehaving server for failure tests only: answers every request the same broken way (an error
 * status, garbage, or silence) and records which paths were asked for. The real backend is for the
 * end-to-end tests.
 */
public final class StandInServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StandInServer(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(
                "/",
                exchange -> {
                    requests.add(
                            exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                    try (exchange) {
                        behaviour.answer(exchange);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        server.start();
    }

    /** Every request gets this status, content type and body. */
    public static StandInServer answering(int status, String contentType, String body)
            throws IOException {
        return new StandInServer(exchange -> respond(exchange, status, contentType, body));
    }

    /** Accepts every request and never answers it. */
    public static StandInServer hanging() throws IOException {
        return new StandInServer(exchange -> Thread.sleep(60_000));
    }

    public static StandInServer failingWith500() throws IOException {
        return answering(
                500,
                "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"database down\"}");
    }

    public URI uri() {
        return URI.create(
                "http://"
                        + server.getAddress().getHostString()
                        + ":"
                        + server.getAddress().getPort());
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @FunctionalInterface
    private interface Behaviour {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }
}
