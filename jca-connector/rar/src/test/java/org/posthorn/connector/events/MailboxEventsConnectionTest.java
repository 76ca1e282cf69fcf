package org.posthorn.connector.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.TransactionSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.posthorn.connector.PosthornResourceAdapter;
import org.posthorn.spi.events.MailboxEvents;
import org.posthorn.spi.events.MailboxEventsFactory;

/** The outbound connection as the relay MDB uses it, outside a container (no pool). */
class MailboxEventsConnectionTest {

    private final PosthornResourceAdapter adapter = new PosthornResourceAdapter();
    private final MailboxEventsManagedConnectionFactory definition = new MailboxEventsManagedConnectionFactory();

    @Test
    void aConnectionPassesChangesToTheAdaptersWatchers() throws ResourceException {
        definition.setResourceAdapter(adapter);
        AtomicInteger inbox = new AtomicInteger();
        AtomicInteger archive = new AtomicInteger();
        adapter.mailboxWatchers().watch("bob@example.org", "INBOX", inbox::incrementAndGet);
        adapter.mailboxWatchers().watch("bob@example.org", "Archive", archive::incrementAndGet);
        MailboxEventsFactory factory = (MailboxEventsFactory) definition.createConnectionFactory();

        try (MailboxEvents events = factory.getConnection()) {
            events.mailboxChanged("bob@example.org", "INBOX");
            events.accountChanged("bob@example.org");
        }

        assertThat(inbox).hasValue(2);
        assertThat(archive).hasValue(1);
    }

    @Test
    void closingTheHandleTellsTheContainerAndEndsIt() throws ResourceException {
        definition.setResourceAdapter(adapter);
        ManagedConnection managed = definition.createManagedConnection(null, null);
        List<ConnectionEvent> events = new ArrayList<>();
        managed.addConnectionEventListener(recording(events));
        MailboxEvents handle = (MailboxEvents) managed.getConnection(null, null);

        handle.close();
        handle.close();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getId()).isEqualTo(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThatThrownBy(() -> handle.mailboxChanged("bob@example.org", "INBOX"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cleanupInvalidatesHandlesAndAssociateMovesThem() throws ResourceException {
        definition.setResourceAdapter(adapter);
        AtomicInteger calls = new AtomicInteger();
        adapter.mailboxWatchers().watch("bob@example.org", "INBOX", calls::incrementAndGet);
        ManagedConnection first = definition.createManagedConnection(null, null);
        ManagedConnection second = definition.createManagedConnection(null, null);
        MailboxEvents handle = (MailboxEvents) first.getConnection(null, null);

        first.cleanup();
        assertThatThrownBy(() -> handle.accountChanged("bob@example.org")).isInstanceOf(IllegalStateException.class);

        second.associateConnection(handle);
        handle.mailboxChanged("bob@example.org", "INBOX");
        assertThat(calls).hasValue(1);
    }

    @Test
    void anyPooledConnectionOfThisDefinitionMatches() throws ResourceException {
        ManagedConnection mine = definition.createManagedConnection(null, null);
        ManagedConnection foreign = new MailboxEventsManagedConnectionFactory().createManagedConnection(null, null);

        assertThat(definition.matchManagedConnections(Set.of(foreign, mine), null, null)).isSameAs(mine);
        assertThat(definition.matchManagedConnections(Set.of(foreign), null, null)).isNull();
    }

    @Test
    void noTransactionsAndOnlyThePosthornAdapter() throws ResourceException {
        ManagedConnection managed = definition.createManagedConnection(null, null);

        assertThat(definition.getTransactionSupport()).isEqualTo(TransactionSupport.TransactionSupportLevel.NoTransaction);
        assertThatThrownBy(managed::getXAResource).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(managed::getLocalTransaction).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> definition.setResourceAdapter(null)).isInstanceOf(ResourceException.class);
    }

    @Test
    void aDefinitionWithoutItsAdapterRefusesToNotify() throws ResourceException {
        MailboxEventsFactory factory = (MailboxEventsFactory) definition.createConnectionFactory();

        try (MailboxEvents events = factory.getConnection()) {
            assertThatThrownBy(() -> events.mailboxChanged("bob@example.org", "INBOX"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not associated");
        }
    }

    private static ConnectionEventListener recording(List<ConnectionEvent> events) {
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
            }
        };
    }
}
