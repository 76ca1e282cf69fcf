package org.posthorn.connector.smtp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.posthorn.connector.endpoint.PostOffice;

/** A post office whose calls complete only when the test says so, on the test's thread. */
final class ControlledPostOffice implements PostOffice {

    private final Object listener;
    private final Deque<Runnable> pending = new ArrayDeque<>();

    ControlledPostOffice(Object listener) {
        this.listener = listener;
    }

    @Override
    public <L, R> CompletableFuture<R> call(Class<L> type, Function<L, R> invocation) {
        CompletableFuture<R> result = new CompletableFuture<>();
        pending.add(() -> {
            try {
                result.complete(invocation.apply(type.cast(listener)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    int pendingCalls() {
        return pending.size();
    }

    /** Runs the oldest call and completes its future. */
    void completeNext() {
        pending.remove().run();
    }
}
