package org.posthorn.connector.smtp.decode;

import java.util.Optional;

/** A command with its argument parsed: what a command handler receives. */
public sealed interface SmtpCommand {

    /**
     * {@code EHLO}/{@code HELO} (RFC 5321 §4.1.1.1).
     *
     * @param name the client's name for itself, controls removed, not otherwise checked
     */
    record Hello(String name) implements SmtpCommand {
    }

    /** {@code MAIL FROM:<reverse-path> [parameters]} (RFC 5321 §4.1.1.2). */
    record MailFrom(Path reversePath, MailParameters parameters) implements SmtpCommand {
    }

    /** {@code RCPT TO:<forward-path>} (RFC 5321 §4.1.1.3); no parameters are supported. */
    record RcptTo(Path forwardPath) implements SmtpCommand {
    }

    /**
     * {@code AUTH mechanism [initial-response]} (RFC 4954 §4).
     *
     * @param mechanism       the SASL mechanism name, upper case
     * @param initialResponse the base64 initial response as sent ({@code "="} for an empty one), if any
     */
    record Auth(String mechanism, Optional<String> initialResponse) implements SmtpCommand {

        /** Never prints the initial response, which carries the password for PLAIN. */
        @Override
        public String toString() {
            return "Auth[mechanism=" + mechanism + "]";
        }
    }

    /** A command whose argument, if any, is free text (NOOP, VRFY, HELP) or must be empty (DATA, RSET, QUIT). */
    record Plain(String argument) implements SmtpCommand {
    }
}
