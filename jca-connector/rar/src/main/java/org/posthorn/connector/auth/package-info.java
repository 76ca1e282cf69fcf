/**
 * Authentication policy shared by every protocol: whether a client may send a password on the
 * connection it is on (RFC 2595 §3.1, RFC 3207 §4.1, RFC 8314 §3). Pure functions of a
 * {@link org.posthorn.spi.ClientConnection}; no I/O, no untrusted input beyond what the connection
 * handlers already established about the connection.
 */
package org.posthorn.connector.auth;
