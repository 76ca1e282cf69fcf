/**
 * Authentication policy shared by every protocol: whether a client may send a password on the
 * connection it is on (RFC 2595 §3.1, RFC 3207 §4.1, RFC 8314 §3), and the
 * {@link org.posthorn.connector.auth.LoginThrottle} that counts failed logins per client address and
 * per login name and refuses brute force, and the SASL PLAIN message (RFC 4616) that POP3 AUTH and
 * SMTP AUTH both decode. No I/O. The untrusted input is the login name a client typed: it is only a
 * map key here, bounded in number, and is stripped of control characters before it reaches the log;
 * and the PLAIN message, whose parts are length-checked before they are decoded.
 */
package org.posthorn.connector.auth;
