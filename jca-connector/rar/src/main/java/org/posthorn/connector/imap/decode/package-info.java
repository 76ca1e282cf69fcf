/**
 * IMAP4rev1 input (RFC 3501 §2.2, §6, §7.5, §9): framing the client's bytes into commands with their
 * literals, and parsing each command into one immutable record of {@link
 * org.posthorn.connector.imap.decode.ImapCommand}. Covers the extensions the server offers: LITERAL+
 * (RFC 7888), IDLE (RFC 2177), UIDPLUS (RFC 4315), MOVE (RFC 6851), ENABLE (RFC 5161), ID (RFC 2971),
 * UNSELECT (RFC 3691), CONDSTORE (RFC 7162), LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819),
 * SPECIAL-USE (RFC 6154), NAMESPACE (RFC 2342), SASL-IR (RFC 4959), ESEARCH (RFC 4731) and SEARCHRES's
 * {@code $} (RFC 5182). {@link org.posthorn.connector.imap.decode.ModifiedUtf7} converts mailbox names
 * (RFC 3501 §5.1.3).
 *
 * <p>Untrusted input: every byte the client sends, in chunks split anywhere. The entry point is
 * {@link org.posthorn.connector.imap.decode.ImapDecoder}; its limits ({@link
 * org.posthorn.connector.imap.decode.DecodeLimits}) bound every line, literal, command, nesting depth
 * and key count, and an announced literal is checked against them before a byte of it is read or any
 * room for it allocated. Bad input becomes a {@link org.posthorn.connector.imap.decode.ParseError}
 * value with fixed server text (client text is never echoed in it; a tag is passed on only if it
 * consists of tag characters, so it holds no CR or LF). No exception escapes for any input.
 *
 * <p>Touches nothing but bytes: the buffer it is handed and its own arrays. No channel, session,
 * socket or endpoint is known here; the decoder does not even know which state a session is in, so a
 * command that is well-formed but not allowed now is the dispatcher's business.
 *
 * <h2>Decision: literals the server will not take</h2>
 *
 * <p>A synchronizing literal ({@code {n}}) that is refused (too large, too many, command too long)
 * costs nothing: the client waits for {@code +} and gets a tagged response instead (RFC 3501 §7.5),
 * so the decoder reads none of it and carries on with the next command. A refused
 * <em>non-synchronizing</em> literal ({@code {n+}}, RFC 7888 §4) is already on its way. Posthorn then
 * closes the connection, as Dovecot does, rather than skip up to 4 GiB of announced octets: the
 * {@code ParseError} says {@link org.posthorn.connector.imap.decode.ParseError#closeConnection()
 * closeConnection}, the decoder consumes nothing more, and the caller answers {@code BAD} and
 * {@code BYE} and closes. The same holds for a command line refused for its length or its line end
 * when that line announced a non-synchronizing literal. Clients that respect RFC 7888's advice (use
 * {@code {n+}} only for small literals, or after checking APPENDLIMIT) never meet this.
 */
package org.posthorn.connector.imap.decode;
