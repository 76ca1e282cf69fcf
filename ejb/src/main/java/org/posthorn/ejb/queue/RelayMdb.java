package org.posthorn.ejb.queue;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes delivery requests off the outbound queue ({@value JmsRelayTrigger#QUEUE}) and makes one attempt
 * each ({@link RelayWorker}); as many at once as the MDB pool and {@code maxSession} allow. No
 * transaction: an attempt's database work is in its own short transactions, and a request that is
 * lost (a crash) is made again by {@link QueueTimer} from the entry's row.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsRelayTrigger.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(RelayMdb.class.getName());

    @Inject
    RelayWorker worker;

    @Override
    public void onMessage(Message message) {
        long id;
        try {
            id = Long.parseLong(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            LOG.log(Level.WARNING, "Dropped a message on the outbound queue that names no queue entry: " + message, e);
            return;
        }
        try {
            worker.attempt(id);
        } catch (RuntimeException e) {
            // The entry stays; its lease runs out and the timer asks again.
            LOG.log(Level.WARNING, "Delivery attempt of queue entry " + id + " failed", e);
        }
    }
}
