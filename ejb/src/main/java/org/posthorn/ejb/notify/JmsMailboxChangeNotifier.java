package org.posthorn.ejb.notify;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects the announcements of a transaction and publishes them once it has committed, from an
 * interposed synchronization's {@code afterCompletion}: subscribers hear of a change only when it
 * committed, never of one that rolled back, and only after the mailbox database has it, so a session
 * that hears of a change can read it. The publication is not part of the transaction (it goes through
 * the plain in-VM connection factory, not {@code java:/JmsXA}): an XA branch in every delivery would add
 * a two-phase commit, with a journal write, while the mailbox lock is held, which cut the rate of
 * concurrent deliveries into one mailbox to a third. A node that dies between commit and publication
 * loses the news, and with it the sessions that would have heard it.
 *
 * <p>Messages are non-persistent and live a minute: the news is worthless to sessions that no longer
 * exist, and a node that was down has none. One connection serves every publication; each gets its own
 * short-lived context on it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsMailboxChangeNotifier implements MailboxChangeNotifier {

    private static final Logger LOG = Logger.getLogger(JmsMailboxChangeNotifier.class.getName());
    private static final long TIME_TO_LIVE_MILLIS = 60_000;
    /** Where this transaction's pending announcements live in the transaction's resources. */
    private static final Object CHANGES_KEY = new Object();

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = MailboxChangeMessage.TOPIC)
    Topic topic;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The shared connection, opened at the first publication; guarded by {@code this}. */
    private JMSContext root;

    @Override
    public void changed(String account, String mailbox) {
        Pending pending = pending();
        if (pending.changes.addMailbox(account, mailbox)) {
            pending.messages.add(new MailboxChangeMessage(account, Optional.of(mailbox)));
        }
    }

    @Override
    public void changedAll(String account) {
        Pending pending = pending();
        if (pending.changes.addAccount(account)) {
            pending.messages.add(new MailboxChangeMessage(account, Optional.empty()));
        }
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(CHANGES_KEY);
        if (pending == null) {
            Pending created = new Pending();
            transactions.putResource(CHANGES_KEY, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        publish(created.messages);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private void publish(List<MailboxChangeMessage> messages) {
        try (JMSContext context = context()) {
            JMSProducer producer = context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(TIME_TO_LIVE_MILLIS);
            for (MailboxChangeMessage message : messages) {
                producer.send(topic, message.toMessage(context));
            }
        } catch (JMSRuntimeException e) {
            // The change itself committed; only the live update of open IMAP sessions is lost (they see it at
            // their next look). Start over with a fresh connection next time.
            LOG.log(Level.WARNING, "Mailbox change notification not published: " + e.getMessage(), e);
            closeRoot();
        }
    }

    private synchronized JMSContext context() {
        if (root == null) {
            root = connections.createContext();
        }
        return root.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    private synchronized void closeRoot() {
        if (root != null) {
            try {
                root.close();
            } catch (JMSRuntimeException e) {
                LOG.log(Level.FINE, "closing a broken JMS connection", e);
            }
            root = null;
        }
    }

    @PreDestroy
    void close() {
        closeRoot();
    }

    /** What one transaction announced so far. */
    private static final class Pending {
        final ChangeSet changes = new ChangeSet();
        final List<MailboxChangeMessage> messages = new ArrayList<>();
    }
}
