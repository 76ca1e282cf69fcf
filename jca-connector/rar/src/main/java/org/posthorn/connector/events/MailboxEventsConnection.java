package org.posthorn.connector.events;

import jakarta.resource.ResourceException;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.spi.events.MailboxEvents;

/** The handle the post office holds: passes each notification to the adapter's {@link MailboxWatchers}. */
public final class MailboxEventsConnection implements MailboxEvents {

    private volatile MailboxEventsManagedConnection owner;

    MailboxEventsConnection(MailboxEventsManagedConnection owner) {
        this.owner = owner;
    }

    @Override
    public void mailboxChanged(String account, String mailbox) {
        watchers().changed(account, mailbox);
    }

    @Override
    public void accountChanged(String account) {
        watchers().changedAll(account);
    }

    /** Idempotent: a second close does nothing. */
    @Override
    public void close() {
        MailboxEventsManagedConnection current = owner;
        if (current != null) {
            owner = null;
            current.closed(this);
        }
    }

    /** The container moved this handle to another managed connection (JCA 1.7 §6.5.4.4). */
    void reassociate(MailboxEventsManagedConnection next) {
        MailboxEventsManagedConnection previous = owner;
        if (previous != null && previous != next) {
            previous.forget(this);
        }
        owner = next;
    }

    /** The managed connection was cleaned up or destroyed: this handle is dead. */
    void invalidate() {
        owner = null;
    }

    private MailboxWatchers watchers() {
        MailboxEventsManagedConnection current = owner;
        if (current == null) {
            throw new IllegalStateException("The mailbox events connection is closed");
        }
        try {
            return current.watchers();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
