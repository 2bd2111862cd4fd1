package org.videochat.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request comes from, for limits per source. Behind a reverse proxy every request comes
 * from the proxy: the addresses in {@code videochat.http.trusted-proxies} are believed about the
 * client they forward for ({@code X-Forwarded-For}, read from the right), nobody else is.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "videochat.http.trusted-proxies")
    Optional<String> trustedProxies;

    public String of(HttpServletRequest request) {
        List<String> trusted =
                trustedProxies.map(t -> List.of(t.split("\\s*,\\s*"))).orElse(List.of());
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    static String of(String peer, String forwardedFor, List<String> trusted) {
        String client = peer == null ? "" : peer;
        if (forwardedFor == null || !trusted.contains(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || hop.length() > 64) {
                return client;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return client;
    }
}
