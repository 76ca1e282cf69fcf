package org.posthorn.spi;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is on the other end of a connection, as far as the post office needs to know it.
 *
 * @param service           the listener the client connected to, e.g. {@code "smtp"}, {@code "pop3"}
 * @param remoteAddress     the client's IP address and port
 * @param secure            whether the connection is protected by TLS
 * @param authenticatedUser the account the client authenticated as, if it did
 */
public record ClientConnection(String service, InetSocketAddress remoteAddress, boolean secure,
                               Optional<String> authenticatedUser) {

    public ClientConnection {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(authenticatedUser, "authenticatedUser");
    }

    /** Whether the client connected from a loopback address (a local webmail or script). */
    public boolean isLoopback() {
        return remoteAddress.getAddress() != null && remoteAddress.getAddress().isLoopbackAddress();
    }
}
