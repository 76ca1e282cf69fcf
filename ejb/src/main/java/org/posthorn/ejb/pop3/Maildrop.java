package org.posthorn.ejb.pop3;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MailboxMessage;
import org.posthorn.ejb.store.MessageExpunger;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.pop3.MaildropEntry;

/**
 * An account's INBOX as a POP3 maildrop (RFC 1939). Every query is restricted to the INBOX of the
 * account the wire authenticated, so a message id of another account reads as not existing.
 * The unique-id of a message is {@code <UIDVALIDITY>.<UID>} (RFC 1939 §7 {@code UIDL}): never reused
 * within the mailbox, and the same id IMAP will show.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Maildrop {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailboxLocks locks;

    @Inject
    MessageExpunger expunger;

    /** The INBOX's messages, oldest (lowest UID) first; empty for an unknown account. */
    public List<MaildropEntry> list(String account) {
        return em.createQuery("select m.id, m.size, mb.uidValidity, m.uid from MailboxMessage m join m.mailbox mb"
                        + " where mb.account.address = :account and mb.name = :inbox order by m.uid", Object[].class)
                .setParameter("account", account)
                .setParameter("inbox", Mailbox.INBOX)
                .getResultStream()
                .map(row -> new MaildropEntry((Long) row[0], (Long) row[1], row[2] + "." + row[3]))
                .toList();
    }

    /** The stored octets of one INBOX message, byte-exact. */
    public Optional<MessageContent> retrieve(String account, long messageId) {
        return inboxMessages(account, List.of(messageId)).stream()
                .findFirst()
                .map(message -> MessageContent.of(message.getBlob().getContent()));
    }

    /**
     * Removes the given INBOX messages in one transaction; ids that no longer exist (or never were in
     * this INBOX) are ignored, as the SPI asks.
     */
    public Optional<MailError> delete(String account, List<Long> messageIds) {
        Optional<Long> inboxId = locks.findId(account, Mailbox.INBOX);
        if (inboxId.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        Mailbox inbox = locks.lock(inboxId.get());
        expunger.expunge(inbox, inboxMessages(account, messageIds));
        return Optional.empty();
    }

    private List<MailboxMessage> inboxMessages(String account, List<Long> messageIds) {
        return em.createQuery("select m from MailboxMessage m join m.mailbox mb where m.id in :ids"
                        + " and mb.account.address = :account and mb.name = :inbox", MailboxMessage.class)
                .setParameter("ids", messageIds)
                .setParameter("account", account)
                .setParameter("inbox", Mailbox.INBOX)
                .getResultList();
    }
}
