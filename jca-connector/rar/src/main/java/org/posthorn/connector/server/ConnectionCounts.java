package org.posthorn.connector.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of one listener, in all and per client address, against their limits: one
 * client address cannot take every slot of a listener (a flood from one host, or a buggy client that
 * never closes), while the total limit keeps the server answering under any load. Thread-safe: the
 * acceptor and every event loop share one instance.
 */
final class ConnectionCounts {

    /** Why a connection was refused. */
    enum Refusal { TOTAL, PER_ADDRESS }

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionCounts(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * Counts a new connection from {@code address} if both limits allow it.
     *
     * @return null when it was counted (the caller must {@link #release} it when it closes), else why not
     */
    Refusal tryOpen(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Refusal.TOTAL;
        }
        boolean[] allowed = {false};
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            allowed[0] = now < maxPerAddress;
            return allowed[0] ? now + 1 : count;
        });
        if (!allowed[0]) {
            total.decrementAndGet();
            return Refusal.PER_ADDRESS;
        }
        return null;
    }

    /** Forgets a connection {@link #tryOpen} counted. */
    void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }

    int total() {
        return total.get();
    }

    int from(InetAddress address) {
        return perAddress.getOrDefault(address, 0);
    }
}
