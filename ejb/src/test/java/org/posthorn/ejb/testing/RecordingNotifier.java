package org.posthorn.ejb.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.posthorn.ejb.notify.MailboxChangeNotifier;

/**
 * Stands in for the JMS notifier: records each announcement once the transaction that made it
 * committed ({@link TestDatabase#afterCommit}), as the topic would only then carry it. Announcements
 * read {@code account/mailbox}, or {@code account/*} for every mailbox of the account.
 */
public final class RecordingNotifier implements MailboxChangeNotifier {

    private final TestDatabase db;
    private final List<String> announced = new ArrayList<>();

    public RecordingNotifier(TestDatabase db) {
        this.db = db;
    }

    @Override
    public void changed(String account, String mailbox) {
        db.afterCommit(() -> record(account + "/" + mailbox));
    }

    @Override
    public void changedAll(String account) {
        db.afterCommit(() -> record(account + "/*"));
    }

    private synchronized void record(String announcement) {
        announced.add(announcement);
    }

    /** The distinct announcements since the last call, in order of first appearance; then forgets them. */
    public synchronized Set<String> take() {
        Set<String> taken = new LinkedHashSet<>(announced);
        announced.clear();
        return taken;
    }
}
