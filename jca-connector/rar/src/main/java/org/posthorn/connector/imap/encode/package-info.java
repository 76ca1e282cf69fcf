/**
 * IMAP4rev1 output (RFC 3501 §7, §9; RFC 9051 §7 where clearer): responses as values
 * ({@link org.posthorn.connector.imap.encode.ImapResponse}, {@link org.posthorn.connector.imap.encode.FetchItem}),
 * the encoder that is the only code writing IMAP bytes
 * ({@link org.posthorn.connector.imap.encode.ImapResponseEncoder}), the writers of ENVELOPE and
 * BODY/BODYSTRUCTURE, IMAP strings ({@link org.posthorn.connector.imap.encode.ImapStrings}) and the
 * reader of {@code BODY[section]} octets from a stored message
 * ({@link org.posthorn.connector.imap.encode.SectionReader}).
 *
 * <p>Untrusted input: text echoed from the client (in response text and codes; tags are checked by
 * the decoder), and everything that came from a message: header values in envelopes and body
 * structures (any octet, raw UTF-8, quotes, backslashes, CR/LF in unfolded values), header field
 * names asked for by the client, and the message octets themselves. Response text and codes lose
 * CR, LF and NUL when the response value is built, so no reply can be injected (STYLE 7); message
 * strings go through {@link org.posthorn.connector.imap.encode.ImapStrings}, which quotes 7-bit text
 * and sends anything else as a literal with its exact octet count; body sections always go as
 * literals. Stored byte offsets are clamped to the message, so a wrong offset yields wrong octets,
 * never an exception.
 *
 * <p>Touches Netty buffers and the byte arrays it is handed; no channel state, session, socket or
 * endpoint.
 */
package org.posthorn.connector.imap.encode;
