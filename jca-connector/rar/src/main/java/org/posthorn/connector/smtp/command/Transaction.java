package org.posthorn.connector.smtp.command;

import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * One mail transaction (RFC 5321 §3.3) as far as it has got.
 *
 * @param envelope the sender and the recipients accepted so far, with the trace data
 * @param smtputf8 {@code MAIL FROM} carried SMTPUTF8, so non-ASCII addresses are allowed (RFC 6531 §3.4)
 */
record Transaction(SmtpEnvelope envelope, boolean smtputf8) {
}
