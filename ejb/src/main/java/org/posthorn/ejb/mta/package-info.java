/**
 * The MTA side of SMTP: which senders an authenticated client may use, which recipients are accepted
 * and where they lead (accounts, aliases, catch-all, plus-addressing, relay), loop detection, and the
 * local delivery or queueing of what was received, with its trace header fields and the fix-ups of a
 * submission (RFC 6409 §8).
 *
 * <p>Untrusted input: everything in the envelope (HELO name, addresses, protocol name) and the
 * message. Envelope text reaches the stored message only through {@link
 * org.posthorn.ejb.mta.TraceHeaders}, which writes nothing that does not match its grammar.
 */
package org.posthorn.ejb.mta;
