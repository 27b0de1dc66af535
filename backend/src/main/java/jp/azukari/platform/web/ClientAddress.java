package jp.azukari.platform.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for counting failed sign-ins per source. The peer address of
 * the connection, unless that peer is one of {@code azukari.auth.login.trusted-proxies}: then the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy. A header from
 * anyone else is ignored, so a client cannot choose its own source and slip past the per-source
 * lock.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies =
                Set.copyOf(
                        trustedProxies.stream()
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String address =
                peer == null || peer.getAddress() == null
                        ? "unknown"
                        : peer.getAddress().getHostAddress();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return address;
    }
}
