package org.posthorn.connector.pop3;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.posthorn.connector.endpoint.PostOffice;
import org.posthorn.connector.endpoint.PostOfficeUnavailableException;

/**
 * A post office for single-threaded tests. Immediate mode calls the fakes on the caller's thread and
 * returns a completed future; held mode queues each call until {@link #runHeld()}, so a test can
 * look at a session while a call is in flight.
 */
public final class SyncPostOffice implements PostOffice {

    private final Map<Class<?>, Object> listeners = new ConcurrentHashMap<>();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private int calls;

    public <L> SyncPostOffice with(Class<L> listener, L implementation) {
        listeners.put(listener, implementation);
        return this;
    }

    /** From now on, calls wait for {@link #runHeld()}. */
    public SyncPostOffice hold() {
        holding = true;
        return this;
    }

    /** Runs the held calls in order; returns how many ran. */
    public int runHeld() {
        int ran = 0;
        while (!held.isEmpty()) {
            held.poll().run();
            ran++;
        }
        return ran;
    }

    public int heldCalls() {
        return held.size();
    }

    public int calls() {
        return calls;
    }

    @Override
    public <L, R> CompletableFuture<R> call(Class<L> listener, Function<L, R> invocation) {
        calls++;
        CompletableFuture<R> result = new CompletableFuture<>();
        Runnable call = () -> {
            Object implementation = listeners.get(listener);
            if (implementation == null) {
                result.completeExceptionally(new PostOfficeUnavailableException(listener.getSimpleName() + " is not active"));
                return;
            }
            try {
                result.complete(invocation.apply(listener.cast(implementation)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (holding) {
            held.add(call);
        } else {
            call.run();
        }
        return result;
    }
}
