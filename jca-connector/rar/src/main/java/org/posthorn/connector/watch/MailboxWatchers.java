package org.posthorn.connector.watch;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which IMAP sessions watch which mailbox; thread-safe; owned by the resource adapter.
 *
 * <p>An index from (account, mailbox) to the registrations of the sessions that have that mailbox
 * selected. Accounts compare ignoring case; mailbox names exactly, except {@code INBOX}, which RFC
 * 9051 §5.1 makes case-insensitive. Each key holds an immutable set, replaced whole on watch and
 * cancel, so {@link #changed} reads a snapshot without locking while sessions come and go.
 */
public final class MailboxWatchers {

    private static final Logger LOG = Logger.getLogger(MailboxWatchers.class.getName());
    private static final String INBOX = "INBOX";

    private final Map<Key, Set<Watch>> index = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** One registration; the handle a session keeps while it has the mailbox selected. */
    public interface Registration {

        /**
         * Ends the registration; calling it again does nothing. A notification already under way on
         * another thread may still reach {@code onChange} just after this returns.
         */
        void cancel();
    }

    /**
     * Calls {@code onChange} (on the notifying thread; it must only hand off, e.g. to an event loop)
     * whenever the account's mailbox changes, until the registration is cancelled. The same session
     * may watch several mailboxes, and several sessions the same one.
     */
    public Registration watch(String account, String mailbox, Runnable onChange) {
        Objects.requireNonNull(onChange, "onChange");
        Watch watch = new Watch(Key.of(account, mailbox), onChange);
        index.compute(watch.key, (key, current) -> with(current, watch));
        size.incrementAndGet();
        return watch;
    }

    /** Tells every watcher of that mailbox. */
    public void changed(String account, String mailbox) {
        Key key = Key.of(account, mailbox);
        Set<Watch> watchers = index.get(key);
        LOG.fine(() -> "Mailbox " + key + " changed; " + (watchers == null ? 0 : watchers.size()) + " watcher(s)");
        if (watchers != null) {
            watchers.forEach(Watch::fire);
        }
    }

    /** Tells every watcher of every mailbox of the account (account removed, etc.). */
    public void changedAll(String account) {
        String owner = Key.account(account);
        LOG.fine(() -> "Every mailbox of " + owner + " changed");
        // A scan of all keys: this is for rare events (an account removed), not for mail arriving.
        index.forEach((key, watchers) -> {
            if (key.account.equals(owner)) {
                watchers.forEach(Watch::fire);
            }
        });
    }

    /** How many registrations exist (tests, metrics). */
    public int size() {
        return size.get();
    }

    private void remove(Watch watch) {
        index.computeIfPresent(watch.key, (key, current) -> without(current, watch));
        size.decrementAndGet();
    }

    private static Set<Watch> with(Set<Watch> current, Watch watch) {
        if (current == null) {
            return Set.of(watch);
        }
        Set<Watch> next = new HashSet<>(current);
        next.add(watch);
        return Set.copyOf(next);
    }

    /** The set without the watch, or null (which removes the key) when none is left. */
    private static Set<Watch> without(Set<Watch> current, Watch watch) {
        Set<Watch> next = new HashSet<>(current);
        next.remove(watch);
        return next.isEmpty() ? null : Set.copyOf(next);
    }

    /** An account, lower-cased, and a mailbox name, with INBOX in any case as {@code INBOX}. */
    private record Key(String account, String mailbox) {

        static Key of(String account, String mailbox) {
            Objects.requireNonNull(mailbox, "mailbox");
            return new Key(account(account), mailbox.equalsIgnoreCase(INBOX) ? INBOX : mailbox);
        }

        static String account(String account) {
            return Objects.requireNonNull(account, "account").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return account + "/" + mailbox;
        }
    }

    /** Identity equality: two sessions watching the same mailbox are two registrations. */
    private final class Watch implements Registration {

        final Key key;
        private final Runnable onChange;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Watch(Key key, Runnable onChange) {
            this.key = key;
            this.onChange = onChange;
        }

        void fire() {
            if (cancelled.get()) {
                return;
            }
            try {
                onChange.run();
            } catch (RuntimeException e) {
                // One broken session must not keep the news from the others, nor fail the notifier.
                LOG.log(Level.WARNING, "A watcher of " + key + " failed", e);
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                remove(this);
            }
        }
    }
}
