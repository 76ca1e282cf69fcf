/**
 * HTTPS for the web UI and API with the mail ports' certificate (ADR 0009): the adapter terminates TLS
 * on WildFly's HTTPS port with the same {@code SslContext} source as every mail listener (so a renewed
 * keystore reaches the web without a restart, like the mail ports), and relays the decrypted bytes to a
 * loopback-only Undertow listener, announcing the browser's address first with a PROXY protocol v1 line.
 *
 * <p>Untrusted input: TLS records (the JDK's {@code SSLEngine}); the HTTP inside is not looked at here but
 * passed on to Undertow unchanged. Backpressure: a side is read only when the other has taken the last
 * chunk, so a slow reader on one side never makes the relay buffer the other.
 */
package org.posthorn.connector.https;
