/**
 * The MTA side of SMTP: which recipients are accepted and the local delivery of what was received,
 * with its trace header fields.
 *
 * <p>Untrusted input: everything in the envelope (HELO name, addresses, protocol name) and the
 * message. Envelope text reaches the stored message only through {@link
 * org.posthorn.ejb.mta.TraceHeaders}, which writes nothing that does not match its grammar.
 */
package org.posthorn.ejb.mta;
