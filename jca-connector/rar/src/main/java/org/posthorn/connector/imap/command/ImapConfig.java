package org.posthorn.connector.imap.command;

import java.time.Duration;
import java.util.Objects;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.connector.imap.decode.DecodeLimits;
import org.posthorn.settings.Settings;

/**
 * What an IMAP listener needs to know, read once at start-up; tests build it directly.
 *
 * @param idleTimeout        silence (IDLE included) after which the connection is closed with BYE (RFC 3501 §5.4)
 * @param authFailureDelay   how long the first failed login from an address waits before it is answered;
 *                           the adapter's login throttle doubles it for each further recent failure
 * @param maxBadCommands     bad commands per connection; the one that reaches it closes the connection
 * @param plaintextAuth      whether LOGIN and AUTHENTICATE work on a connection without TLS
 * @param authenticatedLimits the decoder's limits once logged in (APPEND may then carry a whole message)
 * @param maxHeaderSize      the largest header section of an APPENDed message, in octets
 */
public record ImapConfig(Duration idleTimeout, Duration authFailureDelay, int maxBadCommands,
                         PlaintextAuthPolicy plaintextAuth, DecodeLimits authenticatedLimits, long maxHeaderSize) {

    public ImapConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        Objects.requireNonNull(plaintextAuth, "plaintextAuth");
        Objects.requireNonNull(authenticatedLimits, "authenticatedLimits");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxBadCommands <= 0 || maxHeaderSize <= 0) {
            throw new IllegalArgumentException("idle timeout, bad-command and header limits must be positive");
        }
    }

    /** The configuration from {@code posthorn.*} settings. */
    public static ImapConfig fromSettings() {
        long literal = Math.min(Settings.imapMaxLiteral(), DecodeLimits.MAX_APPEND_LITERAL);
        int line = Settings.IMAP_MAX_LINE.get();
        var limits = new DecodeLimits(line, DecodeLimits.DEFAULT_MAX_LITERAL, literal,
                // A command holds at least one line, however long the operator allows lines to be.
                Math.max(DecodeLimits.DEFAULT_MAX_COMMAND, line), DecodeLimits.DEFAULT_MAX_LITERALS,
                Settings.IMAP_MAX_NESTING.get(), Settings.IMAP_MAX_SEARCH_KEYS.get());
        return new ImapConfig(Settings.IMAP_IDLE_TIMEOUT.get(), Settings.AUTH_FAILURE_DELAY.get(),
                Settings.IMAP_MAX_ERRORS.get(), PlaintextAuthPolicy.fromSettings(), limits, Settings.MAX_HEADER_SIZE.get());
    }
}
