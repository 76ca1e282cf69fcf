package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The MDA: stores one received message in the INBOX of every local recipient, in the caller's
 * transaction. The octets (with the trace headers of {@link TraceHeaders} on top) are stored once and
 * shared by all recipients; an account named twice (say {@code postmaster@} and {@code admin}) gets
 * one copy. The envelope and MIME structure IMAP serves are parsed here, once, on the stored octets.
 *
 * <p>Recipients are resolved again here. One that was accepted at {@code RCPT} but no longer exists
 * is skipped. If none is left, the message is refused with {@code NOT_FOUND} rather than accepted and
 * dropped: the sender's MTA then reports the failure to the sender.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    RecipientResolver resolver;

    @Inject
    MailboxLocks locks;

    @Inject
    MessageAppender appender;

    Clock clock = Clock.systemDefaultZone();

    public DeliveryOutcome deliver(SmtpEnvelope envelope, MessageContent content) {
        Set<Long> accountIds = localAccounts(envelope.recipients());
        if (accountIds.isEmpty()) {
            LOG.info(() -> "Refused message of session " + envelope.sessionId() + ": no recipient exists any more");
            return DeliveryOutcome.refused(MailError.NOT_FOUND);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String id = DeliveryIds.next(now.toInstant());
        byte[] original = readAll(content);
        String trace = TraceHeaders.returnPath(envelope)
                + TraceHeaders.received(envelope, Settings.HOSTNAME.get(), id, now);
        byte[] stored = concat(trace.getBytes(StandardCharsets.UTF_8), original);
        // Parsed once here, on the stored octets (trace headers included), so IMAP offsets fit what it serves.
        MessageBlob blob = new MessageBlob(stored, accountIds.size(),
                StructureCodec.encode(MimeStructureParser.parse(stored)));
        MessageSummary summary = SummaryParser.parse(original);
        em.persist(blob);
        // Write the (possibly large) blob before taking any mailbox lock, so the locks are held briefly.
        em.flush();

        for (long inboxId : inboxIdsInLockOrder(accountIds)) {
            Mailbox inbox = locks.lock(inboxId);
            appender.append(inbox, blob, summary, now.toInstant());
        }
        LOG.fine(() -> "Stored " + id + " (" + blob.getSize() + " octets) for " + accountIds.size() + " account(s)");
        return DeliveryOutcome.accepted(id);
    }

    /** The distinct accounts that take the recipients now. */
    private Set<Long> localAccounts(List<MailAddress> recipients) {
        Set<Long> accounts = new LinkedHashSet<>();
        for (MailAddress recipient : recipients) {
            if (resolver.resolve(recipient) instanceof Resolution.Local local) {
                accounts.add(local.accountId());
            }
        }
        return accounts;
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

    private static byte[] readAll(MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            // The wire's spool failed: an internal failure, answered 451 so that the client retries.
            throw new UncheckedIOException("cannot read the received message", e);
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
