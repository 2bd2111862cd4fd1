package org.videochat.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request comes from, for limits per source. Behind a reverse proxy every request comes
 * from the proxy: the addresses in {@code videochat.http.trusted-proxies} are believed about the
 * client they forward for ({@code X-Forwarded-For}, read from the right), nobody else is. The word
 * {@code local} stands for every address of this machine (a proxy on the same host).
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

    @Inject
    @ConfigProperty(name = "videochat.http.trusted-proxies")
    Optional<String> trustedProxies;

    private Predicate<String> trusted = address -> false;

    @PostConstruct
    void readTrustedProxies() {
        Set<String> addresses = new HashSet<>();
        for (String entry : trustedProxies.orElse("").split(",")) {
            String address = entry.strip();
            if (address.equals("local")) {
                addresses.addAll(localAddresses());
            } else if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        trusted = addresses::contains;
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    /** Whether the client reached us over HTTPS: directly, or through a trusted proxy that says so. */
    public boolean secure(HttpServletRequest request) {
        return request.isSecure()
                || (trusted.test(request.getRemoteAddr())
                        && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
    }

    static String of(String peer, String forwardedFor, Predicate<String> trusted) {
        String client = peer == null ? "" : peer;
        if (forwardedFor == null || !trusted.test(client)) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || hop.length() > 64) {
                return client;
            }
            client = hop;
            if (!trusted.test(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static Set<String> localAddresses() {
        Set<String> addresses = new HashSet<>(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    addresses.add(zone < 0 ? text : text.substring(0, zone));
                }
            }
        } catch (SocketException e) {
            LOG.warning("cannot list this machine's addresses; 'local' trusts loopback only: " + e);
        }
        return addresses;
    }
}
