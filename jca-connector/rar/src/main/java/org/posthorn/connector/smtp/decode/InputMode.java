package org.posthorn.connector.smtp.decode;

/** How {@link SmtpFrameDecoder} frames what comes next. */
public enum InputMode {
    /** Command lines of at most 512 octets (RFC 5321 §4.5.3.1.4). */
    COMMANDS,
    /** One dot-terminated message (RFC 5321 §4.1.1.4), then command lines again. */
    DATA,
    /**
     * One line of a SASL exchange, the client's answer to a {@code 334} challenge (RFC 4954 §4), of at
     * most {@value SmtpFrameDecoder#MAX_AUTH_LINE} octets; the decoder pauses after it, because what
     * follows depends on the answer to it (another challenge, or commands again).
     */
    AUTH_RESPONSE
}
