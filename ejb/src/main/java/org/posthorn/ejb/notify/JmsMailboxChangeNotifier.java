package org.posthorn.ejb.notify;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Sends each announcement to the topic through {@code java:/JmsXA}, the XA connection factory, so the
 * send is part of the caller's JTA transaction: subscribers see it only once that transaction
 * committed, and never if it rolled back. The mailbox database is a non-XA datasource, which the
 * transaction manager commits as its last resource (Narayana's LRCO) before the JMS branch: a session
 * that hears of a change can already read it. Were the datasource ever made XA, that order would no
 * longer be given, and a session could hear of a change a moment before it can read it.
 *
 * <p>Messages are non-persistent and live a minute: the news is worthless to sessions that no longer
 * exist, and a node that was down has none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsMailboxChangeNotifier implements MailboxChangeNotifier {

    private static final long TIME_TO_LIVE_MILLIS = 60_000;
    /** Where this transaction's {@link ChangeSet} lives in the transaction's resources. */
    private static final Object CHANGES_KEY = new Object();

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connections;

    @Resource(lookup = MailboxChangeMessage.TOPIC)
    Topic topic;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void changed(String account, String mailbox) {
        if (changes().addMailbox(account, mailbox)) {
            send(new MailboxChangeMessage(account, Optional.of(mailbox)));
        }
    }

    @Override
    public void changedAll(String account) {
        if (changes().addAccount(account)) {
            send(new MailboxChangeMessage(account, Optional.empty()));
        }
    }

    private ChangeSet changes() {
        ChangeSet changes = (ChangeSet) transactions.getResource(CHANGES_KEY);
        if (changes == null) {
            changes = new ChangeSet();
            transactions.putResource(CHANGES_KEY, changes);
        }
        return changes;
    }

    private void send(MailboxChangeMessage change) {
        // Closing the context inside the transaction is safe: the XA session commits with the transaction.
        try (JMSContext context = connections.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(TIME_TO_LIVE_MILLIS)
                    .send(topic, change.toMessage(context));
        }
    }
}
