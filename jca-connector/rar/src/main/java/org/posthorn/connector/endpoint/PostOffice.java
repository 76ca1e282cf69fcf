package org.posthorn.connector.endpoint;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How protocol code calls the post office: asynchronously, so that the caller (an event loop) never
 * waits. One call is one container transaction, committed when the future completes normally.
 *
 * <p>The future completes on a worker thread; protocol code hops back to its channel's event loop
 * before touching session state. It completes exceptionally with {@link PostOfficeUnavailableException}
 * when the post office's endpoint is not active, and with the listener's own exception when the call
 * failed; both mean "try again later" to the client.
 */
public interface PostOffice {

    /**
     * Calls one listener method.
     *
     * @param listener   the SPI listener interface
     * @param invocation what to call on it; runs on a worker thread, must not touch session state
     */
    <L, R> CompletableFuture<R> call(Class<L> listener, Function<L, R> invocation);
}
