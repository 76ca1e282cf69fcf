package org.posthorn.connector.events;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.posthorn.connector.watch.MailboxWatchers;

/**
 * A pooled "physical" connection to the adapter's {@link MailboxWatchers}: nothing to open or close,
 * only the handles it gave out and the container's listeners to tell when a handle is closed.
 */
final class MailboxEventsManagedConnection implements ManagedConnection {

    private final MailboxEventsManagedConnectionFactory factory;
    private final Set<MailboxEventsConnection> handles = ConcurrentHashMap.newKeySet();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    MailboxEventsManagedConnection(MailboxEventsManagedConnectionFactory factory) {
        this.factory = factory;
    }

    MailboxEventsManagedConnectionFactory factory() {
        return factory;
    }

    MailboxWatchers watchers() throws ResourceException {
        return factory.watchers();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        MailboxEventsConnection handle = new MailboxEventsConnection(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof MailboxEventsConnection handle)) {
            throw new ResourceException("Not a mailbox events connection: " + connection);
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    /** Called by a handle that moves to another managed connection. */
    void forget(MailboxEventsConnection handle) {
        handles.remove(handle);
    }

    /** Called by a handle its user closed: the container may pool this connection again. */
    void closed(MailboxEventsConnection handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public void cleanup() {
        for (MailboxEventsConnection handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        listeners.clear();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Mailbox events take no part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Mailbox events take no part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Posthorn mailbox events";
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0; // no limit of its own
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
