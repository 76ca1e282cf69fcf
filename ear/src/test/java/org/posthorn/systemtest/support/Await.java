package org.posthorn.systemtest.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for something the server does in the background (a relay, a bounce), without asserting on time. */
public final class Await {

    private Await() {
    }

    /** Polls {@code probe} until it finds something and returns that; fails after {@code patience}. */
    public static <T> T until(Supplier<Optional<T>> probe, Duration patience, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up waiting for " + what);
    }
}
