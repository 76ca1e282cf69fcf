package org.posthorn.ejb.relay;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One server to try: a mail exchanger's address (RFC 5321 §5.1) or the smarthost.
 *
 * @param host    the name it was found under (the MX target, or the smarthost as configured), for logs and DSNs
 * @param address where to connect
 * @param port    the port to connect to
 */
public record Hop(String host, InetAddress address, int port) {

    public Hop {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return host + "[" + address.getHostAddress() + "]:" + port;
    }
}
