package org.posthorn.connector.smtp.decode;

/** How {@link SmtpFrameDecoder} frames what comes next. */
public enum InputMode {
    /** Command lines of at most 512 octets (RFC 5321 §4.5.3.1.4). */
    COMMANDS,
    /** One dot-terminated message (RFC 5321 §4.1.1.4), then command lines again. */
    DATA
}
