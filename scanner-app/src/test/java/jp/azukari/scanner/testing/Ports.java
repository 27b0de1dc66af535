package jp.azukari.scanner.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Addresses for tests of a server that is not there. */
public final class Ports {

    private Ports() {}

    /**
     * A loopback port nothing listens on (it was free a moment ago): connecting to it is refused at
     * once.
     */
    public static String closedServer() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
