package org.posthorn.connector.imap.decode;

/**
 * The {@code DONE} line that ends an IDLE (RFC 2177 §3: {@code idle = "IDLE" CRLF "DONE"}), case
 * insensitive. Delivered only after {@link ImapDecoder#expectIdleDone()}.
 */
public record IdleDone() implements ImapInput {
}
