package org.posthorn.connector.smtp.command;

/** Where an SMTP session is in RFC 5321 §4.1.4's order of commands. */
public enum SessionState {
    /** Greeting sent; no EHLO/HELO yet. */
    CONNECTED,
    /** EHLO/HELO done, no mail transaction. */
    GREETED,
    /** {@code MAIL FROM} accepted. */
    MAIL,
    /** At least one {@code RCPT TO} accepted. */
    RCPT,
    /** {@code 354} sent; the message is being read. */
    DATA
}
