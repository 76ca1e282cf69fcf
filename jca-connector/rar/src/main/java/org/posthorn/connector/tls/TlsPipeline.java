package org.posthorn.connector.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLException;

/**
 * Puts TLS in front of a connection: the {@code SslHandler} goes first in the pipeline, so every byte
 * read from now on is decrypted before any protocol handler sees it, and every byte written after this
 * call is encrypted.
 *
 * <p>For STARTTLS/STLS the caller must have written its "go ahead" reply <em>before</em> this call (it
 * then leaves in clear text, as RFC 3207 §4 and RFC 2595 §4 require), and must itself discard whatever
 * clear text it had read but not yet processed.
 */
public final class TlsPipeline {

    /** The handler's name in the pipeline. */
    public static final String NAME = "tls";

    private TlsPipeline() {
    }

    /** Adds a server-side TLS handler as the first handler of {@code channel}'s pipeline; on its event loop. */
    public static SslHandler addFirst(Channel channel, SslContextSource contexts) {
        SslHandler handler = contexts.current().newHandler(channel.alloc());
        channel.pipeline().addFirst(NAME, handler);
        return handler;
    }

    /**
     * Whether {@code failure} is a failed or broken TLS session (a handshake the client gave up, clear
     * text where a TLS record belongs): the peer's doing, worth a debug line, not an alarm.
     */
    public static boolean isTlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof NotSslRecordException) {
                return true;
            }
        }
        return false;
    }
}
