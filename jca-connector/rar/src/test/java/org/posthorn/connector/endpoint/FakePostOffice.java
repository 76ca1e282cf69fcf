package org.posthorn.connector.endpoint;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A post office for the wire's fast tests: calls in-memory fakes of the SPI listeners on a worker
 * thread, as the real one does, so protocol code is exercised with the same thread hops.
 */
public final class FakePostOffice implements PostOffice, AutoCloseable {

    private final Map<Class<?>, Object> listeners = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-post-office");
        thread.setDaemon(true);
        return thread;
    });

    /** Makes {@code implementation} answer calls to {@code listener}. */
    public <L> FakePostOffice with(Class<L> listener, L implementation) {
        listeners.put(listener, implementation);
        return this;
    }

    @Override
    public <L, R> CompletableFuture<R> call(Class<L> listener, Function<L, R> invocation) {
        Object implementation = listeners.get(listener);
        if (implementation == null) {
            return CompletableFuture.failedFuture(
                    new PostOfficeUnavailableException(listener.getSimpleName() + " is not active"));
        }
        return CompletableFuture.supplyAsync(() -> invocation.apply(listener.cast(implementation)), worker);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
