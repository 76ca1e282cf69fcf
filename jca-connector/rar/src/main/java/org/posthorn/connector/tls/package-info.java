/**
 * TLS for every listener: the server's credentials (a configured PKCS#12 keystore, or a self-signed
 * certificate made once at first start and kept in the data directory), the one {@code SslContext}
 * policy (TLS 1.3 and 1.2, AEAD cipher suites with forward secrecy only), re-reading a renewed keystore
 * without a restart, and putting the {@code SslHandler} in front of a connection's pipeline for implicit
 * TLS (RFC 8314) and STARTTLS/STLS (RFC 3207, RFC 2595).
 *
 * <p>Untrusted input: none from the network directly; the TLS records themselves are the JDK's
 * ({@code SSLEngine}) business. Files read and written: the operator's keystore (read only) and
 * {@code tls/posthorn-selfsigned.p12} under the data directory. Key generation and file I/O happen at
 * adapter start or on the reload executor, never on an event loop.
 */
package org.posthorn.connector.tls;
