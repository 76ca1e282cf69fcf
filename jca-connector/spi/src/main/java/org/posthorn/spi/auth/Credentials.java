package org.posthorn.spi.auth;

import java.util.Objects;
import org.posthorn.spi.ClientConnection;

/**
 * What a client presented to log in.
 *
 * @param login    the user name as typed: an address {@code user@domain}, or {@code admin}
 * @param password the password in clear, as the client sent it (over TLS or loopback)
 * @param client   where the attempt came from, for the log
 */
public record Credentials(String login, String password, ClientConnection client) {

    public Credentials {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(client, "client");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Credentials[login=" + login + ", client=" + client + "]";
    }
}
