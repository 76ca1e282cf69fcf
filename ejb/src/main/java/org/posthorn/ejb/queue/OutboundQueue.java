package org.posthorn.ejb.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.spi.MailAddress;

/**
 * Puts messages into the outbound queue, in the caller's transaction: the entry is durable when the
 * transaction that accepted the message commits, before the client hears {@code 250}, and its first
 * delivery attempt is asked for ({@link RelayTrigger}) in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    RelayTrigger trigger;

    /**
     * Queues {@code message} for the remote recipients, due at once.
     *
     * @param deliveryId the id the message was accepted under
     * @param sender     the reverse-path, empty for {@code <>}
     * @param recipients remote addresses, at least one, without repeats
     * @param message    the octets as they go out; kept, not copied
     */
    public QueuedMessage enqueue(String deliveryId, Optional<MailAddress> sender, List<MailAddress> recipients,
                                 byte[] message, Instant now) {
        QueuedMessage entry = new QueuedMessage(deliveryId, sender.map(MailAddress::toString),
                recipients.stream().map(MailAddress::toString).toList(), message, now);
        em.persist(entry);
        trigger.attempt(entry.getId());
        LOG.fine(() -> "Queued " + deliveryId + " for " + recipients.size() + " remote recipient(s)");
        return entry;
    }
}
