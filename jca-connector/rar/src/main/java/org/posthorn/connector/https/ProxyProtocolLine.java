package org.posthorn.connector.https;

import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * The PROXY protocol version 1 header (HAProxy's "proxy-protocol.txt", §2.1) that tells the web server
 * which client a relayed connection comes from and which address it reached, e.g.
 * {@code PROXY TCP4 192.0.2.7 127.0.0.1 51514 8443\r\n}.
 */
final class ProxyProtocolLine {

    private ProxyProtocolLine() {
    }

    static String of(InetSocketAddress client, InetSocketAddress server) {
        // Both addresses must be of one family; an IPv4 client on an IPv6 socket arrives as IPv4-mapped,
        // which Java already reports as an Inet4Address.
        boolean v4 = client.getAddress() instanceof Inet4Address && server.getAddress() instanceof Inet4Address;
        if (!v4 && (client.getAddress() instanceof Inet4Address || server.getAddress() instanceof Inet4Address)) {
            return "PROXY UNKNOWN\r\n";
        }
        return "PROXY " + (v4 ? "TCP4 " : "TCP6 ") + host(client) + " " + host(server) + " " + client.getPort() + " "
                + server.getPort() + "\r\n";
    }

    /** The address in text, without an IPv6 scope ({@code %eth0}), which the format has no room for. */
    private static String host(InetSocketAddress address) {
        String text = address.getAddress().getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
