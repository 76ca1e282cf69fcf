package org.posthorn.connector.smtp;

import java.time.Duration;
import java.util.Objects;
import org.posthorn.connector.auth.PlaintextAuthPolicy;
import org.posthorn.settings.Settings;

/**
 * What one SMTP listener is configured with. The MX service ({@code smtp}) is {@link #fromSettings()};
 * the submission services (RFC 6409 on {@code submission}, RFC 8314 on {@code smtps}) are the same
 * engine with their own service name and {@code requireAuth}: {@link #submissionFromSettings}. Whether
 * STARTTLS and AUTH are offered depends on what the {@link SmtpProtocol} was given (TLS credentials, a
 * login), not on this record.
 *
 * @param service        the {@code service} of {@link org.posthorn.spi.ClientConnection}: {@code smtp},
 *                       {@code submission} or {@code smtps}
 * @param hostname       this server's name in the greeting and replies
 * @param maxMessageSize the largest message accepted, in octets; advertised with SIZE (RFC 1870)
 * @param maxRecipients  recipients per transaction; more are answered {@code 452 4.5.3}
 * @param maxErrors      bad commands per connection; the one reaching it is answered {@code 421} and closed
 * @param idleTimeout    silence after which the connection is closed with {@code 421 4.4.2}
 * @param requireTls     whether only EHLO, STARTTLS, RSET, NOOP, HELP, QUIT work before TLS (RFC 3207 §4)
 * @param requireAuth    whether a mail transaction needs AUTH first (submission, RFC 6409 §4.3)
 * @param plaintextAuth  whether AUTH may be offered and used on a connection without TLS (RFC 4954 §4,
 *                       RFC 3207 §4.1)
 */
public record SmtpConfig(String service, String hostname, long maxMessageSize, int maxRecipients, int maxErrors,
                         Duration idleTimeout, boolean requireTls, boolean requireAuth,
                         PlaintextAuthPolicy plaintextAuth) {

    public SmtpConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(plaintextAuth, "plaintextAuth");
        if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("not a host name: '" + hostname + "'");
        }
        if (maxMessageSize <= 0 || maxRecipients <= 0 || maxErrors <= 0 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The MX service ({@code smtp}, no TLS or AUTH required, plaintext AUTH from loopback only, the
     * default policy) with the given limits.
     */
    public static SmtpConfig of(String hostname, long maxMessageSize, int maxRecipients, int maxErrors, Duration idleTimeout) {
        return new SmtpConfig("smtp", hostname, maxMessageSize, maxRecipients, maxErrors, idleTimeout, false, false,
                PlaintextAuthPolicy.LOOPBACK);
    }

    /** The MX service as configured by {@code posthorn.*} settings. */
    public static SmtpConfig fromSettings() {
        return new SmtpConfig("smtp", Settings.HOSTNAME.get(), Settings.MAX_MESSAGE_SIZE.get(),
                Settings.SMTP_MAX_RECIPIENTS.get(), Settings.SMTP_MAX_ERRORS.get(), Settings.SMTP_IDLE_TIMEOUT.get(),
                false, false, PlaintextAuthPolicy.fromSettings());
    }

    /**
     * A submission service ({@code submission} on port 587, RFC 6409; {@code smtps} on 465, RFC 8314)
     * as configured by {@code posthorn.*} settings: AUTH before any mail transaction (RFC 6409 §4.3),
     * with the same limits as the MX service.
     */
    public static SmtpConfig submissionFromSettings(String service) {
        return new SmtpConfig(service, Settings.HOSTNAME.get(), Settings.MAX_MESSAGE_SIZE.get(),
                Settings.SMTP_MAX_RECIPIENTS.get(), Settings.SMTP_MAX_ERRORS.get(), Settings.SMTP_IDLE_TIMEOUT.get(),
                false, true, PlaintextAuthPolicy.fromSettings());
    }
}
