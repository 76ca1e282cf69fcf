package org.posthorn.ejb.notify;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.posthorn.spi.events.MailboxEvents;
import org.posthorn.spi.events.MailboxEventsFactory;

/**
 * Relays each announcement from the topic to this node's resource adapter, through the adapter's
 * outbound connection. Subscribed on every node, non-durable (a node that was down has no sessions
 * to tell), with one session so that announcements of one mailbox keep their order. Runs on Artemis'
 * resource adapter (WildFly's default for MDBs), not on Posthorn's. No transaction: relaying
 * commits nothing, and a lost announcement only delays the news until the session's next command.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = MailboxChangeMessage.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxChangeRelayMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailboxChangeRelayMdb.class.getName());

    @Resource(lookup = MailboxEventsFactory.JNDI_NAME)
    MailboxEventsFactory adapter;

    @Override
    public void onMessage(Message message) {
        Optional<MailboxChangeMessage> change;
        try {
            change = MailboxChangeMessage.from(message);
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Dropped an unreadable mailbox change message", e);
            return;
        }
        if (change.isEmpty()) {
            LOG.warning(() -> "Dropped a message that is no mailbox change: " + message);
            return;
        }
        relay(change.get());
    }

    private void relay(MailboxChangeMessage change) {
        try (MailboxEvents events = adapter.getConnection()) {
            if (change.mailbox().isPresent()) {
                events.mailboxChanged(change.account(), change.mailbox().get());
            } else {
                events.accountChanged(change.account());
            }
        } catch (ResourceException e) {
            LOG.log(Level.WARNING, "Could not tell the resource adapter that " + change + " changed", e);
        }
    }
}
