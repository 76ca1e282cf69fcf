package org.posthorn.ejb.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code posthorn.dns.servers} value: {@code host[:port],...}, IPv6 as {@code [addr]:port}. */
public final class DnsServers {

    static final int DNS_PORT = 53;

    private DnsServers() {
    }

    /**
     * The servers in the order given, unresolved; empty for null or blank (use the system resolver).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code host[:port]}
     */
    public static List<InetSocketAddress> parse(String value) {
        List<InetSocketAddress> servers = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return servers;
        }
        for (String entry : value.split(",")) {
            String server = entry.trim();
            if (!server.isEmpty()) {
                servers.add(parseOne(server));
            }
        }
        return servers;
    }

    private static InetSocketAddress parseOne(String server) {
        String host;
        String port = null;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0 || (close + 1 < server.length() && server.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("'" + server + "' is not [IPv6 address]:port");
            }
            host = server.substring(1, close);
            port = close + 1 < server.length() ? server.substring(close + 2) : null;
        } else {
            int colon = server.indexOf(':');
            if (colon >= 0 && server.indexOf(':', colon + 1) >= 0) {
                host = server; // a bare IPv6 address
            } else {
                host = colon < 0 ? server : server.substring(0, colon);
                port = colon < 0 ? null : server.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + server + "' has no host");
        }
        return InetSocketAddress.createUnresolved(host, port == null ? DNS_PORT : port(server, port));
    }

    private static int port(String server, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("'" + server + "' has no valid port (1 to 65535)");
    }
}
