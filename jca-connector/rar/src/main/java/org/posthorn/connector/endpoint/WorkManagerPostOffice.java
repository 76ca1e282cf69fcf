package org.posthorn.connector.endpoint;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs post-office calls on JCA WorkManager threads, at most {@code maxConcurrent} at a time.
 *
 * <p>The WorkManager blocks its submitter silently once its threads and queue are full (DESIGN.md
 * fact 7); submitting from an event loop would then freeze every connection of that loop. So this
 * class keeps its own admission: beyond {@code maxConcurrent} running calls, calls wait in a FIFO
 * here and are submitted as running ones finish. Every connection has at most one call pending, so
 * the wait queue is bounded by the connection limit.
 */
public final class WorkManagerPostOffice implements PostOffice {

    private final WorkManager workManager;
    private final EndpointRegistry endpoints;
    private final int maxConcurrent;

    private final Queue<Work> waiting = new ArrayDeque<>();
    private int running;

    public WorkManagerPostOffice(WorkManager workManager, EndpointRegistry endpoints, int maxConcurrent) {
        this.workManager = workManager;
        this.endpoints = endpoints;
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public <L, R> CompletableFuture<R> call(Class<L> listener, Function<L, R> invocation) {
        CompletableFuture<R> result = new CompletableFuture<>();
        MessageEndpointFactory factory = endpoints.factory(listener).orElse(null);
        if (factory == null) {
            result.completeExceptionally(new PostOfficeUnavailableException(listener.getSimpleName() + " is not active"));
            return result;
        }
        enqueue(new EndpointCall<>(factory, listener, invocation, result));
        return result;
    }

    private void enqueue(Work work) {
        synchronized (this) {
            waiting.add(work);
        }
        submitWaiting();
    }

    private void submitWaiting() {
        while (true) {
            Work next;
            synchronized (this) {
                if (running >= maxConcurrent || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                running++;
            }
            try {
                workManager.scheduleWork(next);
            } catch (WorkException e) {
                finished();
                ((EndpointCall<?, ?>) next).fail(new PostOfficeUnavailableException("work refused", e));
            }
        }
    }

    private void finished() {
        synchronized (this) {
            running--;
        }
        submitWaiting();
    }

    /** One listener call as a unit of work: take an endpoint, call, release it, complete the future. */
    private final class EndpointCall<L, R> implements Work {

        private final MessageEndpointFactory factory;
        private final Class<L> listener;
        private final Function<L, R> invocation;
        private final CompletableFuture<R> result;

        EndpointCall(MessageEndpointFactory factory, Class<L> listener, Function<L, R> invocation,
                     CompletableFuture<R> result) {
            this.factory = factory;
            this.listener = listener;
            this.invocation = invocation;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                MessageEndpoint endpoint = factory.createEndpoint(null);
                try {
                    result.complete(invocation.apply(listener.cast(endpoint)));
                } finally {
                    endpoint.release();
                }
            } catch (UnavailableException e) {
                result.completeExceptionally(new PostOfficeUnavailableException("no endpoint available", e));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                finished();
            }
        }

        void fail(Throwable cause) {
            result.completeExceptionally(cause);
        }

        @Override
        public void release() {
            // Nothing to interrupt: a listener call is a short transaction.
        }
    }
}
