/**
 * Turns the client's framed lines into values: command lines (RFC 1939 §3, RFC 2449 §4), the typed
 * command records with their arguments and SASL continuation lines (RFC 5034 §4); PLAIN messages
 * (RFC 4616) are decoded by {@link org.posthorn.connector.auth.SaslPlain}, which SMTP AUTH shares.
 *
 * <p>Everything here is untrusted input from the network. Lines arrive already bounded by the
 * framer; this package bounds them again per kind (command or SASL response), rejects control
 * characters, and reports every syntax problem as a value. It touches no I/O and no session state.
 */
package org.posthorn.connector.pop3.decode;
