package org.posthorn.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.posthorn.ejb.admin.QueueHeaders;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.ejb.queue.QueueEntryInfo;
import org.posthorn.ejb.queue.QueueStore;

/** One queue entry with its message's header section, shown as text. */
@Named
@RequestScoped
public class QueueEntryBean {

    private static final String QUEUE = "/admin/queue?faces-redirect=true";

    @Inject
    QueueStore queue;

    @Inject
    QueueHeaders headers;

    private String id;
    private QueueEntryInfo entry;
    private String headerText;

    /** The view action: loads the entry, or goes back to the queue if it is not (or no longer) there. */
    public String load() {
        long number;
        try {
            number = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            Messages.error("There is no queue entry with that number.");
            return QUEUE;
        }
        try {
            entry = queue.get(number);
            headerText = headers.of(number);
            return null;
        } catch (DirectoryException e) {
            Messages.error(e.getMessage() + ": it was delivered, bounced or deleted meanwhile.");
            return QUEUE;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public QueueEntryInfo getEntry() {
        return entry;
    }

    public String getHeaders() {
        return headerText;
    }
}
