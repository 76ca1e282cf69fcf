package org.posthorn.connector.events;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.posthorn.connector.PosthornResourceAdapter;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.spi.events.MailboxEvents;
import org.posthorn.spi.events.MailboxEventsFactory;

/**
 * The outbound connection definition of change notifications. Its connections hold no resource: each
 * is a way into the adapter's {@link MailboxWatchers}, so any pooled one matches any request, and
 * none takes part in a transaction (the JMS message that carried the news already committed).
 */
@ConnectionDefinition(
        connectionFactory = MailboxEventsFactory.class,
        connectionFactoryImpl = MailboxEventsConnectionFactory.class,
        connection = MailboxEvents.class,
        connectionImpl = MailboxEventsConnection.class)
public class MailboxEventsManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient PosthornResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new MailboxEventsConnectionFactory(this, manager);
    }

    /** Outside a container (tests): every connection gets its own managed connection. */
    @Override
    public Object createConnectionFactory() {
        return new MailboxEventsConnectionFactory(this, new UnpooledConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return new MailboxEventsManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof MailboxEventsManagedConnection connection && connection.factory() == this) {
                return connection;
            }
        }
        return null;
    }

    /** The index of the sessions to tell, owned by the adapter this definition belongs to. */
    MailboxWatchers watchers() throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("The mailbox events connection factory is not associated with the adapter");
        }
        return adapter.mailboxWatchers();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        if (!(resourceAdapter instanceof PosthornResourceAdapter posthorn)) {
            throw new ResourceException("Not the Posthorn resource adapter: " + resourceAdapter);
        }
        this.adapter = posthorn;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // JCA 1.7 §6.5.3.2 asks for equality by configuration; this factory has none, so each instance is
    // its own kind (as the adapter itself).
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** A connection manager without pool or container, for use outside an application server. */
    private final class UnpooledConnectionManager implements ConnectionManager {

        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
                throws ResourceException {
            return factory.createManagedConnection(null, info).getConnection(null, info);
        }
    }
}
