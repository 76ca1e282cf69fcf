package org.posthorn.connector.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link FailureLog}s by key, least recently touched first, never more than {@code maxKeys}: a new
 * key past the cap pushes out the least recently touched one (possibly lifting its throttle early,
 * the price of bounded memory). Stale logs are dropped lazily, from the old end, whenever a log is
 * touched. Not thread-safe: {@link LoginThrottle} guards it.
 */
final class FailureTable {

    private final int maxKeys;
    private final LinkedHashMap<String, FailureLog> logs;

    FailureTable(int maxKeys) {
        this.maxKeys = maxKeys;
        this.logs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FailureLog> eldest) {
                return size() > FailureTable.this.maxKeys;
            }
        };
    }

    /** The log of {@code key} with old failures expired, or null if there is none. */
    FailureLog find(String key, long oldest, long now) {
        FailureLog log = logs.get(key);
        if (log != null) {
            log.expire(oldest, now);
        }
        return log;
    }

    /** The log of {@code key}, made if need be, after dropping stale logs from the old end. */
    FailureLog touch(String key, long oldest, long now) {
        dropStale(oldest, now);
        return logs.computeIfAbsent(key, k -> new FailureLog());
    }

    /** Forgets {@code key} if nothing in its log is worth keeping. */
    void tidy(String key, FailureLog log) {
        if (log.empty()) {
            logs.remove(key);
        }
    }

    int size() {
        return logs.size();
    }

    private void dropStale(long oldest, long now) {
        for (Iterator<FailureLog> it = logs.values().iterator(); it.hasNext(); ) {
            FailureLog log = it.next();
            log.expire(oldest, now);
            if (!log.empty()) {
                // Later logs were touched more recently; the scan stops at the first live one.
                return;
            }
            it.remove();
        }
    }
}
