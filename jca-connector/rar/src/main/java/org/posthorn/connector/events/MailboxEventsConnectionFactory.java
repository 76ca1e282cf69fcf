package org.posthorn.connector.events;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.posthorn.spi.events.MailboxEvents;
import org.posthorn.spi.events.MailboxEventsFactory;

/** What JNDI hands out at {@link MailboxEventsFactory#JNDI_NAME}: connections from the container's pool. */
public final class MailboxEventsConnectionFactory implements MailboxEventsFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final MailboxEventsManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    MailboxEventsConnectionFactory(MailboxEventsManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public MailboxEvents getConnection() throws ResourceException {
        return (MailboxEvents) manager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
