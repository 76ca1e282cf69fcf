package org.posthorn.connector.imap.decode;

/**
 * One thing {@link ImapDecoder} made of the client's bytes: a parsed command, the refusal of one, a
 * request to send the command continuation request {@code +} (RFC 3501 §7.5), or a line that is not
 * a command (IDLE's {@code DONE}, an AUTHENTICATE response).
 */
public sealed interface ImapInput permits ImapCommand, ParseError, ContinuationRequest, IdleDone, SaslResponse {
}
