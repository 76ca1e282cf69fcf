package org.posthorn.connector.auth;

import java.util.Locale;
import org.posthorn.settings.Settings;
import org.posthorn.spi.ClientConnection;

/**
 * Whether credentials may be sent over a connection that TLS does not protect ({@code posthorn.auth.plaintext}).
 * Over TLS they always may. One policy for POP3 USER/PASS/AUTH, SMTP AUTH (submission) and IMAP LOGIN/AUTHENTICATE.
 *
 * <p>RFC 2595 §3.1 and RFC 8314 §3 ask servers not to accept passwords in the clear; the default
 * still lets loopback clients (a local webmail, scripts, tests) do it, as Dovecot's
 * {@code disable_plaintext_auth} does, since nothing on the wire can read them there.
 */
public enum PlaintextAuthPolicy {
    /** Credentials only over TLS. */
    NEVER,
    /** Credentials over TLS, or in the clear from a loopback address. */
    LOOPBACK,
    /** Credentials on any connection (tests, trusted networks only). */
    ALWAYS;

    /** Whether {@code client} may authenticate on its connection as it is now. */
    public boolean authAllowed(ClientConnection client) {
        if (client.secure()) {
            return true;
        }
        return switch (this) {
            case NEVER -> false;
            case LOOPBACK -> client.isLoopback();
            case ALWAYS -> true;
        };
    }

    /** The policy {@code posthorn.auth.plaintext} names. */
    public static PlaintextAuthPolicy fromSettings() {
        return valueOf(Settings.AUTH_PLAINTEXT.get().toUpperCase(Locale.ROOT));
    }
}
