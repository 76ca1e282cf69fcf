package org.posthorn.connector.smtp.decode;

/**
 * A line in command mode that cannot be a command; its content was discarded and nothing in it is
 * executed or echoed.
 *
 * @param problem why
 */
public record BadLine(Problem problem) implements SmtpFrame {

    public enum Problem {
        /** Longer than 512 octets with its CRLF (RFC 5321 §4.5.3.1.4). */
        TOO_LONG,
        /** Ended by a bare LF or containing a bare CR (RFC 5321 §2.3.8: lines end with CRLF). */
        BARE_LINE_END,
        /** Not UTF-8. */
        NOT_UTF8
    }
}
