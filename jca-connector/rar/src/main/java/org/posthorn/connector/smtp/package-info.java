/**
 * The SMTP server (RFC 5321) with PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, SMTPUTF8,
 * STARTTLS (RFC 3207; clear text pipelined behind STARTTLS is discarded, never executed) and, on the
 * submission services (RFC 6409, RFC 8314), AUTH PLAIN and LOGIN (RFC 4954): the
 * protocol's entry for the listener host, its configuration, and the one handler that connects a
 * Netty channel to the decode → process → encode packages below.
 *
 * <p>Untrusted input: everything a client sends on port 25, 587 or 465, passwords included. This package only moves decoded frames
 * and encoded replies between the channel and the dispatcher, enforces ordering, backpressure and the
 * idle timeout; it parses nothing itself. It may touch the channel and the post office (through
 * {@link org.posthorn.connector.endpoint.PostOffice}); never storage.
 */
package org.posthorn.connector.smtp;
