package org.posthorn.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.ejb.queue.QueueEntryInfo;
import org.posthorn.ejb.queue.QueueStore;

/**
 * The outbound queue: every entry with its recipients' states, attempts, next attempt and last error;
 * "retry now", and deleting an entry after a confirmation (its sender is not told).
 */
@Named
@ViewScoped
public class QueueBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SELF = "/admin/queue?faces-redirect=true";

    @Inject
    QueueStore queue;

    private List<QueueEntryInfo> entries;
    private Long confirmingDelete;

    public List<QueueEntryInfo> getEntries() {
        if (entries == null) {
            entries = queue.list();
        }
        return entries;
    }

    public String retry(long id) {
        try {
            QueueEntryInfo entry = queue.retryNow(id, Instant.now());
            Messages.info("Trying " + entry.deliveryId() + " again now.");
        } catch (DirectoryException e) {
            Messages.error(e.getMessage() + ": it was delivered, bounced or deleted meanwhile.");
        }
        return SELF;
    }

    public void askToDelete(long id) {
        confirmingDelete = id;
    }

    public void cancelDelete() {
        confirmingDelete = null;
    }

    public String delete() {
        if (confirmingDelete == null) {
            return SELF;
        }
        String name = getConfirming().map(QueueEntryInfo::deliveryId).orElse("The message");
        try {
            queue.delete(confirmingDelete);
            Messages.info(name + " deleted from the queue; its sender is not told.");
        } catch (DirectoryException e) {
            Messages.error(e.getMessage() + ": it was delivered, bounced or deleted meanwhile.");
        }
        return SELF;
    }

    /** The entry whose deletion waits for confirmation, if any. */
    public Optional<QueueEntryInfo> getConfirming() {
        return confirmingDelete == null ? Optional.empty()
                : getEntries().stream().filter(e -> e.id() == confirmingDelete).findFirst();
    }
}
