/**
 * SMTP command processing: the command table as data, the dispatcher that enforces it, the session
 * state machine of RFC 5321 §4.1.4, one small handler per verb, and the single mapping of the post
 * office's answers to SMTP replies.
 *
 * <p>Untrusted input: parsed command records (already length-limited and syntax-checked by
 * {@code decode}) in any order and any number. Nothing here does I/O or sees a channel; calls into the
 * post office return {@link org.posthorn.connector.smtp.command.Outcome.Pending} values whose
 * continuation the connection handler runs on the event loop.
 */
package org.posthorn.connector.smtp.command;
