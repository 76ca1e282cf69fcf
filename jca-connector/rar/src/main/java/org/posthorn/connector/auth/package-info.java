/**
 * Authentication shared by every protocol: whether a client may send credentials on the connection
 * it is on (RFC 2595 §3.1, RFC 3207 §4.1, RFC 8314 §3), the
 * {@link org.posthorn.connector.auth.LoginThrottle} that counts failed logins per client address and
 * per login name and refuses brute force, the SASL PLAIN message (RFC 4616) that POP3 AUTH and SMTP
 * AUTH both decode, and the server side of SCRAM-SHA-256 (RFC 5802, RFC 7677; ADR 0008) that SMTP,
 * IMAP and POP3 drive. No network I/O; {@link org.posthorn.connector.auth.ScramDecoys} reads and once
 * writes its secret in the data directory. The untrusted input is the login name a client typed: it
 * is only a map key here, bounded in number, and is stripped of control characters before it reaches
 * the log; the PLAIN message, whose parts are length-checked before they are decoded; and the SCRAM
 * messages, parsed strictly (user names of at most 255 octets, nonces of at most 255 characters)
 * within the line limits of each protocol, never echoed to the client.
 */
package org.posthorn.connector.auth;
