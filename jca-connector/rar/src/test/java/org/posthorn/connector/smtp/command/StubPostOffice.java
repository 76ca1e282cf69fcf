package org.posthorn.connector.smtp.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.posthorn.connector.endpoint.PostOffice;

/**
 * A post office that calls the listener at once on the caller's thread: for the command tests, which
 * run continuations themselves. Counts the calls.
 */
final class StubPostOffice implements PostOffice {

    private final Object listener;
    private final AtomicInteger calls = new AtomicInteger();

    StubPostOffice(Object listener) {
        this.listener = listener;
    }

    @Override
    public <L, R> CompletableFuture<R> call(Class<L> type, Function<L, R> invocation) {
        calls.incrementAndGet();
        try {
            return CompletableFuture.completedFuture(invocation.apply(type.cast(listener)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    int calls() {
        return calls.get();
    }
}
