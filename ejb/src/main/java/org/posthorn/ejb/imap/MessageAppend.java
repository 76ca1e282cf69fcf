package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MailboxMessage;
import org.posthorn.ejb.store.MessageAppender;
import org.posthorn.ejb.store.MessageBlob;
import org.posthorn.ejb.store.SummaryParser;
import org.posthorn.ejb.store.mime.MimeStructureParser;
import org.posthorn.ejb.store.mime.StructureCodec;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.AppendOutcome;

/**
 * APPEND (RFC 3501 §6.3.11, RFC 4315 APPENDUID): stores the octets as given (no trace headers: the
 * client wrote the message), parsed like a delivered one, with the given flags ({@code \Recent}
 * ignored) and internal date. Refused: a message over {@link Settings#MAX_MESSAGE_SIZE} (TOO_BIG) or
 * over the account's quota (OVER_QUOTA). The blob is written before the mailbox lock is taken, so
 * the lock is held only for the UID allocation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageAppend {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MailboxLocks locks;

    @Inject
    MessageAppender appender;

    Clock clock = Clock.systemUTC();

    public Result<AppendOutcome> append(String account, String mailbox, Set<String> flags,
                                       Optional<Instant> internalDate, MessageContent content) {
        Optional<Long> mailboxId = mailboxes.findId(account, mailbox);
        if (mailboxId.isEmpty()) {
            return Result.refused(MailError.NOT_FOUND);
        }
        if (content.size() > Settings.MAX_MESSAGE_SIZE.get()) {
            return Result.refused(MailError.TOO_BIG);
        }
        if (overQuota(account, content.size())) {
            return Result.refused(MailError.OVER_QUOTA);
        }
        byte[] bytes = readAll(content);
        MessageBlob blob = new MessageBlob(bytes, 1, StructureCodec.encode(MimeStructureParser.parse(bytes)));
        em.persist(blob);
        em.flush();
        Mailbox locked = locks.lock(mailboxId.get());
        MailboxMessage message = appender.append(locked, blob, SummaryParser.parse(bytes),
                internalDate.orElseGet(clock::instant), Flags.systemFlags(flags), Flags.keywords(flags));
        return Result.of(new AppendOutcome(locked.getUidValidity(), message.getUid()));
    }

    /** Whether the account has a quota (bytes over all its mailboxes) that this message would pass. */
    private boolean overQuota(String account, long size) {
        List<Long> quotas = em.createQuery("select a.quotaBytes from Account a where a.address = :account", Long.class)
                .setParameter("account", account)
                .getResultList();
        Long quota = quotas.isEmpty() ? null : quotas.get(0);
        if (quota == null) {
            return false;
        }
        Long used = em.createQuery("select coalesce(sum(m.size), 0) from MailboxMessage m"
                        + " where m.mailbox.account.address = :account", Long.class)
                .setParameter("account", account)
                .getSingleResult();
        return used + size > quota;
    }

    private static byte[] readAll(MessageContent content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            // The wire's spool failed: an internal failure, answered "try again later".
            throw new UncheckedIOException("cannot read the appended message", e);
        }
    }
}
