package jp.azukari.scanner.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the backend that can lose one answer: armed with {@link
 * #loseNextAnswerTo}, it passes the next request whose first line starts that way on to the server,
 * lets the server answer in full, and then drops the connection instead of handing the answer over,
 * as a network does that fails at the worst moment. Everything else goes through untouched.
 */
final class LosingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private volatile String losing;
    private final AtomicBoolean lost = new AtomicBoolean();

    private LosingProxy(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    static LosingProxy to(String backendUrl) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            LosingProxy proxy =
                    new LosingProxy(
                            listener,
                            Integer.parseInt(
                                    backendUrl.substring(backendUrl.lastIndexOf(':') + 1)));
            Thread accepting = new Thread(proxy::accept, "losing-proxy");
            accepting.setDaemon(true);
            accepting.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /**
     * Loses the answer to the next request starting with {@code requestLine}, e.g. "POST
     * /api/v1/transfers ".
     */
    void loseNextAnswerTo(String requestLine) {
        lost.set(false);
        losing = requestLine;
    }

    /** Whether the armed answer was lost. */
    boolean lostIt() {
        return lost.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                AtomicBoolean swallow = new AtomicBoolean();
                pump(client, server, swallow, true);
                pump(server, client, swallow, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean swallow, boolean requests) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[16384];
                            String tail = "";
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                int n;
                                while ((n = in.read(buffer)) > 0) {
                                    if (requests) {
                                        String seen =
                                                tail
                                                        + new String(
                                                                buffer,
                                                                0,
                                                                n,
                                                                StandardCharsets.ISO_8859_1);
                                        String armed = losing;
                                        if (armed != null && seen.contains(armed)) {
                                            losing = null;
                                            swallow.set(true); // before the request goes on, so its
                                            // answer is already marked
                                        }
                                        tail = seen.substring(Math.max(0, seen.length() - 64));
                                    } else if (swallow.get()) {
                                        // The server has answered (and so has done the work): the
                                        // client never hears of it.
                                        lost.set(true);
                                        from.close();
                                        to.close();
                                        return;
                                    }
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (IOException closed) {
                                // Either side went away: so does the other.
                            } finally {
                                closeQuietly(from);
                                closeQuietly(to);
                            }
                        },
                        "losing-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
