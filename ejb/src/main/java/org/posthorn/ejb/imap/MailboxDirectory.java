package org.posthorn.ejb.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.notify.MailboxChangeNotifier;
import org.posthorn.ejb.store.Mailbox;
import org.posthorn.ejb.store.MailboxLocks;
import org.posthorn.ejb.store.MessageExpunger;
import org.posthorn.ejb.store.UidValidity;
import org.posthorn.spi.MailError;
import org.posthorn.spi.imap.MailboxInfo;

/**
 * The mailbox hierarchy of an account: LIST, CREATE, DELETE, RENAME, SUBSCRIBE (RFC 3501 §6.3).
 * Names are validated and normalised by {@link MailboxNames}. Every mailbox exists for real (no
 * {@code \Noselect} placeholders), so CREATE makes the missing parents and DELETE refuses a mailbox
 * that still has children ({@code HAS_CHILDREN}, as Dovecot does).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailboxDirectory {

    @PersistenceContext(unitName = "posthorn")
    EntityManager em;

    @Inject
    AccountMailboxes mailboxes;

    @Inject
    MessageExpunger expunger;

    @Inject
    MessageTransfer transfer;

    @Inject
    MailboxLocks locks;

    @Inject
    MailboxChangeNotifier notifier;

    Clock clock = Clock.systemUTC();

    /** INBOX first, then by name. */
    public List<MailboxInfo> list(String account) {
        List<Mailbox> all = new ArrayList<>(mailboxes.all(account));
        all.sort(Comparator.comparing((Mailbox m) -> !Mailbox.INBOX.equals(m.getName())).thenComparing(Mailbox::getName));
        return all.stream()
                .map(m -> new MailboxInfo(m.getName(), Optional.ofNullable(m.getSpecialUse()), m.isSubscribed()))
                .toList();
    }

    /** RFC 3501 §6.3.3: INBOX and existing names are ALREADY_EXISTS; missing parents are created. */
    public Optional<MailError> create(String account, String name) {
        Optional<String> normalised = MailboxNames.normalise(name);
        if (normalised.isEmpty()) {
            return Optional.of(MailError.INVALID);
        }
        Optional<Account> owner = owner(account);
        if (owner.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (mailboxes.findId(account, normalised.get()).isPresent()) {
            return Optional.of(MailError.ALREADY_EXISTS);
        }
        createWithParents(owner.get(), account, normalised.get());
        return Optional.empty();
    }

    /**
     * RFC 3501 §6.3.4: not INBOX ({@code NO_PERMISSION}), not a mailbox with children ({@code HAS_CHILDREN},
     * RFC 5530 §3); messages and tombstones go with it.
     */
    public Optional<MailError> delete(String account, String name) {
        Optional<String> normalised = MailboxNames.normalise(name);
        if (normalised.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (MailboxNames.isInbox(normalised.get())) {
            return Optional.of(MailError.NO_PERMISSION);
        }
        Optional<Mailbox> found = mailboxes.lock(account, normalised.get());
        if (found.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        Mailbox mailbox = found.get();
        boolean hasChildren = mailboxes.all(account).stream()
                .anyMatch(m -> m.getName().startsWith(mailbox.getName() + MailboxNames.delimiter()));
        if (hasChildren) {
            // §6.3.4 would allow keeping the name as \Noselect, but there are no placeholders here.
            return Optional.of(MailError.HAS_CHILDREN);
        }
        expunger.expunge(mailbox, expunger.allIn(mailbox));
        expunger.forget(mailbox);
        // Sessions that have it selected learn it is gone, even when it was empty.
        notifier.changed(mailbox.getAccount().getAddress(), mailbox.getName());
        em.remove(mailbox);
        return Optional.empty();
    }

    /**
     * RFC 3501 §6.3.5: the mailbox and its children get the new names and keep UIDVALIDITY and UIDs
     * (no mailbox ever had those UIDVALIDITY values under another identity). Renaming INBOX moves its
     * messages into a new mailbox and leaves INBOX empty, its children in place.
     */
    public Optional<MailError> rename(String account, String from, String to) {
        Optional<String> source = MailboxNames.normalise(from);
        Optional<String> target = MailboxNames.normalise(to);
        if (source.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (target.isEmpty()) {
            return Optional.of(MailError.INVALID);
        }
        Optional<Long> sourceId = mailboxes.findId(account, source.get());
        if (sourceId.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (mailboxes.findId(account, target.get()).isPresent()) {
            return Optional.of(MailError.ALREADY_EXISTS);
        }
        if (MailboxNames.isInbox(source.get())) {
            Mailbox created = createWithParents(owner(account).orElseThrow(), account, target.get());
            transfer.moveAll(sourceId.get(), created.getId());
            return Optional.empty();
        }
        if (MailboxNames.isSelfOrChild(target.get(), source.get())) {
            return Optional.of(MailError.INVALID);
        }
        List<Mailbox> moving = new ArrayList<>(mailboxes.all(account).stream()
                .filter(m -> MailboxNames.isSelfOrChild(m.getName(), source.get()))
                .toList());
        moving.sort(Comparator.comparing(Mailbox::getId)); // the lock order of every multi-mailbox change
        for (Mailbox mailbox : moving) {
            String oldName = mailbox.getName();
            locks.lock(mailbox.getId());
            // Under its old name, the mailbox is gone for the sessions that have it selected.
            notifier.changed(mailbox.getAccount().getAddress(), oldName);
            mailbox.rename(target.get() + oldName.substring(source.get().length()));
        }
        em.flush();
        for (String parent : MailboxNames.parents(target.get())) {
            if (mailboxes.findId(account, parent).isEmpty()) {
                em.persist(newMailbox(owner(account).orElseThrow(), parent));
            }
        }
        return Optional.empty();
    }

    /** RFC 3501 §6.3.6/§6.3.7. Only existing mailboxes can be subscribed here (NOT_FOUND otherwise). */
    public Optional<MailError> subscribe(String account, String name, boolean subscribed) {
        Optional<Mailbox> mailbox = mailboxes.find(account, name);
        if (mailbox.isEmpty()) {
            return Optional.of(MailError.NOT_FOUND);
        }
        mailbox.get().setSubscribed(subscribed);
        return Optional.empty();
    }

    private Mailbox createWithParents(Account owner, String account, String name) {
        for (String parent : MailboxNames.parents(name)) {
            if (mailboxes.findId(account, parent).isEmpty()) {
                em.persist(newMailbox(owner, parent));
            }
        }
        Mailbox mailbox = newMailbox(owner, name);
        em.persist(mailbox);
        em.flush();
        return mailbox;
    }

    private Mailbox newMailbox(Account owner, String name) {
        return new Mailbox(owner, name, UidValidity.next(em, clock), null, false);
    }

    private Optional<Account> owner(String account) {
        return em.createQuery("select a from Account a where a.address = :address", Account.class)
                .setParameter("address", account)
                .getResultStream()
                .findFirst();
    }
}
