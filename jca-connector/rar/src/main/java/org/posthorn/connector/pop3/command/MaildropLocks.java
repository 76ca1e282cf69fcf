package org.posthorn.connector.pop3.command;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The maildrops in use by a POP3 session of this adapter. RFC 1939 §4 asks the server to acquire an
 * exclusive lock on the maildrop when a session enters TRANSACTION; a second session is refused
 * with {@code [IN-USE]} (RFC 2449 §8.1.2). The lock lives only in this JVM: with several nodes
 * behind a balancer, two sessions on different nodes are not excluded.
 *
 * <p>Thread-safe: sessions on every event loop share one registry.
 */
public final class MaildropLocks {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Locks the account's maildrop, or empty if another session holds it. */
    public Optional<Lock> tryLock(String account) {
        Objects.requireNonNull(account, "account");
        return held.add(account) ? Optional.of(new Lock(account)) : Optional.empty();
    }

    public boolean isLocked(String account) {
        return held.contains(account);
    }

    /** One session's hold on one maildrop. */
    public final class Lock {

        private final String account;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lock(String account) {
            this.account = account;
        }

        public String account() {
            return account;
        }

        /** Gives the maildrop free; idempotent, so every way a session ends may call it. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                held.remove(account);
            }
        }
    }
}
