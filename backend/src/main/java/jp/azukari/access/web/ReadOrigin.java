package jp.azukari.access.web;

import java.net.InetSocketAddress;
import jp.azukari.access.AccessLog;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a read came from, as the access log records it: the {@code X-Device-Id} header, else only
 * the address.
 */
public final class ReadOrigin {

    public static final String DEVICE_HEADER = "X-Device-Id";

    private ReadOrigin() {}

    public static AccessLog.Origin of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address =
                remote == null
                        ? null
                        : remote.getAddress() != null
                                ? remote.getAddress().getHostAddress()
                                : remote.getHostString();
        return new AccessLog.Origin(request.getHeaders().getFirst(DEVICE_HEADER), address);
    }
}
