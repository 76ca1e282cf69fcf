package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MessageAppender;
import org.posthorn.ejb.store.MessageBlob;
import org.posthorn.ejb.store.MessageSummary;
import org.posthorn.ejb.store.SummaryParser;
import org.posthorn.ejb.store.mime.MimeStructureParser;
import org.posthorn.ejb.store.mime.StructureCodec;
import org.posthorn.spi.MailAddress;

/**
 * The MDA: stores one received message in the INBOX of local accounts, in the caller's transaction.
 * The octets (with {@code Return-Path:} on top of what {@link MailIntake} prepared) are stored once
 * and shared by all recipients; an account reached twice (say through {@code postmaster@} and as
 * {@code admin}) gets one copy. The envelope and MIME structure IMAP serves are parsed here, once, on
 * the stored octets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    MailboxLocks locks;

    @Inject
    MessageAppender appender;

    /**
     * Stores {@code message} in the INBOX of each account, with {@code Return-Path:} (RFC 5321 §4.4:
     * added by the final delivery) on top.
     *
     * @param accountIds the accounts, at least one
     * @param sender     the envelope's reverse-path, empty for {@code <>}
     * @param message    the octets as received, this server's {@code Received:} included
     */
    void store(Set<Long> accountIds, Optional<MailAddress> sender, byte[] message, ZonedDateTime now) {
        byte[] stored = concat(TraceHeaders.returnPath(sender).getBytes(StandardCharsets.UTF_8), message);
        // Parsed once here, on the stored octets (trace headers included), so IMAP offsets fit what it serves.
        MessageBlob blob = new MessageBlob(stored, accountIds.size(),
                StructureCodec.encode(MimeStructureParser.parse(stored)));
        MessageSummary summary = SummaryParser.parse(message);
        em.persist(blob);
        // Write the (possibly large) blob before taking any mailbox lock, so the locks are held briefly.
        em.flush();

        for (long inboxId : inboxIdsInLockOrder(accountIds)) {
            Mailbox inbox = locks.lock(inboxId);
            appender.append(inbox, blob, summary, now.toInstant());
        }
        LOG.fine(() -> "Stored " + blob.getSize() + " octets for " + accountIds.size() + " account(s)");
    }

    /** Ascending mailbox ids, the order every multi-mailbox transaction locks in. */
    private List<Long> inboxIdsInLockOrder(Set<Long> accountIds) {
        List<Long> inboxIds = new ArrayList<>();
        for (long accountId : accountIds) {
            inboxIds.add(locks.findInboxId(accountId)
                    .orElseThrow(() -> new IllegalStateException("account " + accountId + " has no INBOX")));
        }
        inboxIds.sort(null);
        return inboxIds;
    }

    static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
