package org.posthorn.ejb.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;

/**
 * Sends the id of a queued entry (as text) to {@value #QUEUE} through {@code java:/JmsXA}, the XA connection
 * factory, so the send is part of the caller's JTA transaction (see {@code JmsMailboxChangeNotifier}
 * for the commit order with the non-XA datasource). {@link RelayMdb} takes it from there.
 *
 * <p>Messages are non-persistent: the entry's row is what is durable, and {@link QueueTimer} asks
 * again for every due entry whose request got lost (a crash, a restart).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsRelayTrigger implements RelayTrigger {

    /** The outbound queue, declared by {@code posthorn-configure.cli}. */
    public static final String QUEUE = "java:/jms/posthorn/outbound";

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Override
    public void attempt(long queuedId) {
        // Closing the context inside the transaction is safe: the XA session commits with the transaction.
        try (JMSContext context = connections.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .send(queue, Long.toString(queuedId));
        }
    }
}
