package org.posthorn.ejb.testing;

import jakarta.persistence.EntityManager;
import org.posthorn.ejb.admin.AccountAdmin;
import org.posthorn.ejb.admin.AccountFactory;
import org.posthorn.ejb.admin.AccountRemover;
import org.posthorn.ejb.admin.AdminBootstrap;
import org.posthorn.ejb.admin.AliasAdmin;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.MailUsage;
import org.posthorn.ejb.admin.QueueHeaders;
import org.posthorn.ejb.admin.StatusReport;
import org.posthorn.ejb.auth.AuthenticationMdb;
import org.posthorn.ejb.auth.Authenticator;
import org.posthorn.ejb.auth.LoginFailures;
import org.posthorn.ejb.auth.PasswordHasher;
import org.posthorn.ejb.auth.ScramKeyMaker;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.ejb.mta.LocalDelivery;
import org.posthorn.ejb.mta.MailIntake;
import org.posthorn.ejb.mta.RecipientResolver;
import org.posthorn.ejb.mta.SenderPolicy;
import org.posthorn.ejb.mta.SmtpTransactionMdb;
import org.posthorn.ejb.mta.SubmissionLog;
import org.posthorn.ejb.pop3.Maildrop;
import org.posthorn.ejb.pop3.MaildropMdb;
import org.posthorn.ejb.queue.Bounces;
import org.posthorn.ejb.queue.OutboundQueue;
import org.posthorn.ejb.queue.QueueStore;
import org.posthorn.ejb.store.BlobReferences;
import org.posthorn.ejb.store.MailStorageRemover;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MailboxProvisioner;
import org.posthorn.ejb.store.MessageAppender;
import org.posthorn.ejb.store.MessageExpunger;

/** The post office's beans wired together on a {@link TestDatabase}, as the container wires them. */
public final class PostOffice {

    public final TestDatabase db;
    public final DomainAdmin domains;
    public final AliasAdmin aliases;
    public final AccountAdmin accounts;
    public final AdminBootstrap bootstrap;
    public final SmtpTransactionMdb mta;
    public final AuthenticationMdb authentication;
    public final Authenticator authenticator;
    public final MaildropMdb maildrop;
    public final RecordingNotifier notifier;
    public final RecordingRelayTrigger relayTrigger;
    public final QueueStore queue;
    public final QueueHeaders queueHeaders;
    public final StatusReport status;

    public PostOffice(TestDatabase db) {
        this.db = db;
        EntityManager em = db.entityManager();
        notifier = new RecordingNotifier(db);
        PasswordHasher hasher = new PasswordHasher();
        ScramKeyMaker scramKeys = new ScramKeyMaker();
        DirectoryLookup lookup = Beans.wire(DirectoryLookup.class, em);
        AccountFactory factory = Beans.wire(AccountFactory.class, em, hasher, scramKeys,
                Beans.wire(MailboxProvisioner.class, em));
        MailboxLocks locks = Beans.wire(MailboxLocks.class, em);
        MessageExpunger expunger = Beans.wire(MessageExpunger.class, em, Beans.wire(BlobReferences.class, em),
                notifier);
        AccountRemover remover = Beans.wire(AccountRemover.class, em,
                Beans.wire(MailStorageRemover.class, em, locks, expunger), notifier);
        RecipientResolver resolver = Beans.wire(RecipientResolver.class, lookup);

        MailUsage usage = Beans.wire(MailUsage.class, em);
        aliases = Beans.wire(AliasAdmin.class, em, lookup);
        domains = Beans.wire(DomainAdmin.class, em, lookup, remover, usage, aliases);
        accounts = Beans.wire(AccountAdmin.class, em, lookup, factory, remover, hasher, scramKeys, usage);
        bootstrap = Beans.wire(AdminBootstrap.class, lookup, factory, hasher);
        LocalDelivery delivery = Beans.wire(LocalDelivery.class, em, resolver, locks,
                Beans.wire(MessageAppender.class, em, notifier));
        relayTrigger = new RecordingRelayTrigger(db);
        SubmissionLog submissions = Beans.wire(SubmissionLog.class, em);
        MailIntake intake = Beans.wire(MailIntake.class, resolver, delivery,
                Beans.wire(OutboundQueue.class, em, relayTrigger), submissions);
        mta = Beans.wire(SmtpTransactionMdb.class, resolver, Beans.wire(SenderPolicy.class, lookup, resolver), intake);
        queue = Beans.wire(QueueStore.class, em, Beans.wire(Bounces.class, intake), relayTrigger);
        queueHeaders = Beans.wire(QueueHeaders.class, em);
        status = Beans.wire(StatusReport.class, em, new LoginFailures(), submissions);
        authenticator = Beans.wire(Authenticator.class, lookup, hasher, scramKeys);
        authentication = Beans.wire(AuthenticationMdb.class, authenticator, new LoginFailures());
        maildrop = Beans.wire(MaildropMdb.class, Beans.wire(Maildrop.class, em, locks, expunger));
    }

    /** Creates the {@code admin} account with this password, as the first start does. */
    public void bootstrapAdmin(String password) {
        System.setProperty("posthorn.admin.password", password);
        try {
            db.inTransaction(() -> Beans.invoke(bootstrap, "ensureAdminAccount"));
        } finally {
            System.clearProperty("posthorn.admin.password");
        }
    }
}
