package org.posthorn.ejb.imap;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.directory.Domain;
import org.posthorn.ejb.directory.Role;
import org.posthorn.ejb.mta.LocalDelivery;
import org.posthorn.ejb.mta.MailIntake;
import org.posthorn.ejb.mta.SubmissionLog;
import org.posthorn.ejb.mta.RecipientResolver;
import org.posthorn.ejb.queue.OutboundQueue;
import org.posthorn.ejb.store.BlobReferences;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MailboxProvisioner;
import org.posthorn.ejb.store.MessageAppender;
import org.posthorn.ejb.store.MessageExpunger;
import org.posthorn.ejb.testing.Beans;
import org.posthorn.ejb.testing.Envelopes;
import org.posthorn.ejb.testing.RecordingRelayTrigger;
import org.posthorn.ejb.testing.RecordingNotifier;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.smtp.DeliveryOutcome;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * The IMAP half of the post office wired on a {@link TestDatabase} as the container wires it, with
 * the listener behind a proxy that runs every call in its own transaction, as the MDB's CMT does.
 */
final class ImapPostOffice {

    final TestDatabase db;
    final MailboxStoreMdb mdb;
    final MessageAppend appendService;
    final MailboxDirectory directory;
    final MailboxStoreListener listener;
    final RecordingNotifier notifier;
    private final MailIntake delivery;
    private final MailboxProvisioner provisioner;

    ImapPostOffice(TestDatabase db) {
        this.db = db;
        EntityManager em = db.entityManager();
        notifier = new RecordingNotifier(db);
        MailboxLocks locks = Beans.wire(MailboxLocks.class, em);
        BlobReferences blobs = Beans.wire(BlobReferences.class, em);
        MessageExpunger expunger = Beans.wire(MessageExpunger.class, em, blobs, notifier);
        MessageAppender appender = Beans.wire(MessageAppender.class, em, notifier);
        AccountMailboxes mailboxes = Beans.wire(AccountMailboxes.class, em, locks);
        MessageStates states = Beans.wire(MessageStates.class, em);
        StructureStore structures = Beans.wire(StructureStore.class, em);
        MessageTransfer transfer = Beans.wire(MessageTransfer.class, em, mailboxes, appender, expunger, blobs);
        directory = Beans.wire(MailboxDirectory.class, em, mailboxes, expunger, transfer, locks, notifier);
        appendService = Beans.wire(MessageAppend.class, em, mailboxes, locks, appender);
        mdb = Beans.wire(MailboxStoreMdb.class, directory,
                Beans.wire(MailboxSelection.class, em, mailboxes, states),
                Beans.wire(MessageFetcher.class, em, mailboxes, states, structures),
                Beans.wire(FlagStore.class, em, mailboxes, notifier),
                transfer, appendService,
                Beans.wire(MessageSearch.class, em, mailboxes, structures));
        RecipientResolver resolver = Beans.wire(RecipientResolver.class, Beans.wire(DirectoryLookup.class, em));
        delivery = Beans.wire(MailIntake.class, resolver, Beans.wire(LocalDelivery.class, em, locks, appender),
                Beans.wire(OutboundQueue.class, em, new RecordingRelayTrigger(db)), Beans.wire(SubmissionLog.class, em));
        provisioner = Beans.wire(MailboxProvisioner.class, em);
        listener = (MailboxStoreListener) Proxy.newProxyInstance(MailboxStoreListener.class.getClassLoader(),
                new Class<?>[] {MailboxStoreListener.class}, (self, method, args) -> db.inTransaction(() -> {
                    try {
                        return method.invoke(mdb, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    /** A domain with accounts, each with the standard mailboxes. */
    void createAccounts(String domainName, String... addresses) {
        db.inTransaction(() -> {
            EntityManager em = db.entityManager();
            Domain domain = new Domain(domainName, Instant.now());
            em.persist(domain);
            for (String address : addresses) {
                Account account = new Account(address, domain, "not-a-hash", Role.USER, Instant.now());
                em.persist(account);
                provisioner.createStandardMailboxes(account);
            }
        });
    }

    /** An SMTP delivery to the INBOX of each recipient, as the MTA makes it. */
    DeliveryOutcome deliver(byte[] message, String... recipients) {
        SmtpEnvelope complete = Envelopes.to(recipients);
        DeliveryOutcome outcome = db.inTransaction(() -> delivery.accept(complete, MessageContent.of(message)));
        if (!outcome.isAccepted()) {
            throw new IllegalStateException("delivery refused: " + outcome);
        }
        return outcome;
    }
}
