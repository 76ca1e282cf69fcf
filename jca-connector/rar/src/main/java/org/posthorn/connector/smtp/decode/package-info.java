/**
 * SMTP input: framing the client's bytes into command lines and messages, and parsing command
 * arguments (paths of RFC 5321 §4.1.2, MAIL parameters) into records.
 *
 * <p>Untrusted input: every byte the client sends, in chunks split anywhere. Command lines are limited
 * to 512 octets, messages to the configured size (octets beyond it are counted, not kept), and the
 * decoder stops reading while it must not frame. Parsers return values, never throw for bad input.
 * Touches the channel's inbound buffer and the message spool only.
 *
 * <h2>Decision: end of data, bare CR and bare LF (SMTP smuggling, CVE-2023-51764 and kin)</h2>
 *
 * <p>The project-wide record is {@code docs/adr/0002-smtp-smuggling-bare-lf.md}; this is how the
 * decoder carries it out.
 *
 * <p><b>Context.</b> RFC 5321 §4.1.1.4 ends a message with {@code CRLF "." CRLF} only, and §2.3.8
 * forbids bare CR and LF. Many servers nevertheless accept other endings such as {@code LF "." LF}.
 * When an outbound server passes such bytes through and the next hop ends the message there, the rest
 * of the "message" is read as new SMTP commands: a second, forged message is smuggled past the first
 * server's authentication and SPF checks (SEC Consult, December 2023).
 *
 * <p><b>Decision.</b> Posthorn (1) ends a message only at {@code CRLF "." CRLF} (the first line counts
 * as following a CRLF), so {@code LF "." LF}, {@code CR "." CR}, {@code LF "." CRLF},
 * {@code CRLF "." LF} and every other mix are message content and never end it; and (2) rejects a
 * message that contains any bare CR or bare LF with
 * {@code 550 5.6.0 Message contains bare LF or CR; lines must end with CRLF}, answered after the real
 * end of data, like Postfix's {@code smtpd_forbid_bare_newline = reject}. In command mode, a line
 * ended by a bare LF or containing a bare CR is refused with {@code 500 5.5.2} and not executed.
 *
 * <p><b>Consequences.</b> Nothing that was smuggled is ever delivered, and Posthorn never stores, nor
 * later relays, bytes another server could split differently: the bytes it accepts are parsed the same
 * way by every hop. The price is refusing mail from senders that emit bare LFs, which RFC 5321 has
 * never allowed; such senders see a permanent, explicit error rather than a silent loss. Normalising
 * bare LF to CRLF was rejected: it would deliver what a smuggler hid in the message.
 */
package org.posthorn.connector.smtp.decode;
