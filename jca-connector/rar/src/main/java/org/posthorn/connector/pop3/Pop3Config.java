package org.posthorn.connector.pop3;

import java.time.Duration;
import java.util.Objects;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.settings.Settings;

/**
 * What a POP3 listener needs to know, read once at start-up; tests build it directly.
 *
 * @param hostname         the server's name, in the sign-off line
 * @param idleTimeout      silence after which a connection is closed (RFC 1939 §3: at least 10 minutes)
 * @param authFailureDelay how long the first failed login from an address waits before it is answered;
 *                         the adapter's {@link org.posthorn.connector.auth.LoginThrottle} doubles it
 *                         for each further recent failure
 * @param maxErrors        bad commands per connection; the one that reaches it closes the connection
 * @param plaintextAuth    whether USER/PASS/AUTH work on a connection without TLS (RFC 2595 §4)
 */
public record Pop3Config(String hostname, Duration idleTimeout, Duration authFailureDelay, int maxErrors,
                         PlaintextAuthPolicy plaintextAuth) {

    public Pop3Config {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        Objects.requireNonNull(plaintextAuth, "plaintextAuth");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        if (authFailureDelay.isNegative()) {
            throw new IllegalArgumentException("failure delay must not be negative");
        }
        if (maxErrors <= 0) {
            throw new IllegalArgumentException("max errors must be positive");
        }
    }

    /** The configuration from {@code posthorn.*} settings. */
    public static Pop3Config fromSettings() {
        return new Pop3Config(Settings.HOSTNAME.get(), Settings.POP3_IDLE_TIMEOUT.get(), Settings.AUTH_FAILURE_DELAY.get(),
                Settings.POP3_MAX_ERRORS.get(), PlaintextAuthPolicy.fromSettings());
    }
}
