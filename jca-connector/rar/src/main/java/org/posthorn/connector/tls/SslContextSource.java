package org.posthorn.connector.tls;

import io.netty.handler.ssl.SslContext;

/**
 * Where a listener gets the {@code SslContext} for a new TLS session. Called on an event loop, once per
 * handshake: implementations return at once and never block.
 */
@FunctionalInterface
public interface SslContextSource {

    /** The context to use for a TLS session that starts now. */
    SslContext current();
}
