package org.posthorn.connector.smtp.command;

/** Properties of a verb that the dispatcher and the decoder enforce, once, for every command. */
public enum CommandFlag {
    /** Allowed before STARTTLS where TLS is required (RFC 3207 §4). */
    BEFORE_TLS,
    /** Allowed before AUTH where authentication is required (RFC 4954 §4; submission, RFC 6409 §4.3). */
    BEFORE_AUTH,
    /**
     * What follows the command line may not be command lines (DATA, BDAT, AUTH) or may need a fresh
     * start (STARTTLS): the decoder pauses after it until it has been answered.
     */
    CHANGES_FRAMING,
    /** Recognised but not implemented: {@code 502 5.5.1} (RFC 5321 §4.2.4). */
    UNIMPLEMENTED
}
