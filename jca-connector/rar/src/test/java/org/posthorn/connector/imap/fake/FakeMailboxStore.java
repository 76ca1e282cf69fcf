package org.posthorn.connector.imap.fake;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.posthorn.connector.watch.MailboxWatchers;
import org.posthorn.settings.Settings;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.AppendOutcome;
import org.posthorn.spi.imap.CopyOutcome;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MailboxChanges;
import org.posthorn.spi.imap.MailboxInfo;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageState;
import org.posthorn.spi.imap.MessageView;
import org.posthorn.spi.imap.SearchCriteria;
import org.posthorn.spi.imap.StoreOutcome;
import org.posthorn.spi.imap.UidSet;

/**
 * An in-memory {@link MailboxStoreListener} for the wire's fast tests. It passes the SPI's
 * {@code MailboxStoreContract} and {@code SearchContract} (STYLE.md #9), as the JPA store does.
 * Thread-safe: one lock, every call is atomic like the real store's transaction. After every change of
 * a mailbox it tells the {@link MailboxWatchers} it was given, as the post office does through JMS
 * after its commit (ADR 0004), so IMAP sessions learn of deliveries made with {@link #deliver} and of
 * each other's changes.
 *
 * <p>Mailbox names follow the JPA store's rules; internal dates are compared as days in UTC.
 */
public final class FakeMailboxStore implements MailboxStoreListener {

    /** The mailboxes every account starts with, and their RFC 6154 attributes. */
    private static final List<List<String>> STANDARD = List.of(List.of("INBOX", ""), List.of("Drafts", "\\Drafts"),
            List.of("Sent", "\\Sent"), List.of("Junk", "\\Junk"), List.of("Trash", "\\Trash"),
            List.of("Archive", "\\Archive"));
    private static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");
    static final ZoneId ZONE = ZoneOffset.UTC;

    private final Map<String, TreeMap<String, FakeMailbox>> accounts = new ConcurrentHashMap<>();
    private final Optional<MailboxWatchers> watchers;
    private long uidValidities = 1000;

    /** A store that tells nobody of changes (contract tests). */
    public FakeMailboxStore() {
        this.watchers = Optional.empty();
    }

    /** A store that tells {@code watchers} of every change, as the post office tells the adapter. */
    public FakeMailboxStore(MailboxWatchers watchers) {
        this.watchers = Optional.of(watchers);
    }

    /** Adds an account with the standard mailboxes. */
    public synchronized FakeMailboxStore account(String account) {
        TreeMap<String, FakeMailbox> mailboxes = new TreeMap<>();
        for (List<String> standard : STANDARD) {
            String use = standard.get(1);
            mailboxes.put(standard.get(0), new FakeMailbox(standard.get(0), ++uidValidities,
                    use.isEmpty() ? Optional.empty() : Optional.of(use)));
        }
        accounts.put(key(account), mailboxes);
        return this;
    }

    /** Delivers a message to the account's INBOX, as the MDA does, and tells the watchers. */
    public synchronized long deliver(String account, byte[] message) {
        FakeMailbox inbox = accounts.get(key(account)).get("INBOX");
        long uid = inbox.add(message, Instant.now(), Set.of()).uid;
        changed(account, inbox);
        return uid;
    }

    /** The zone in which internal dates are calendar days (SEARCH BEFORE, ON, SINCE). */
    public ZoneId zone() {
        return ZONE;
    }

    @Override
    public synchronized List<MailboxInfo> list(String account) {
        TreeMap<String, FakeMailbox> mailboxes = accounts.get(key(account));
        if (mailboxes == null) {
            return List.of();
        }
        return mailboxes.values().stream()
                .sorted(Comparator.comparing((FakeMailbox m) -> !m.name.equals("INBOX")).thenComparing(m -> m.name))
                .map(m -> new MailboxInfo(m.name, m.specialUse, m.subscribed))
                .toList();
    }

    @Override
    public synchronized Optional<MailError> create(String account, String mailbox) {
        Optional<String> name = FakeMailboxNames.normalise(mailbox);
        TreeMap<String, FakeMailbox> mailboxes = accounts.get(key(account));
        if (name.isEmpty()) {
            return Optional.of(MailError.INVALID);
        }
        if (mailboxes == null) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (mailboxes.containsKey(name.get())) {
            return Optional.of(MailError.ALREADY_EXISTS);
        }
        createWithParents(mailboxes, name.get());
        return Optional.empty();
    }

    private FakeMailbox createWithParents(TreeMap<String, FakeMailbox> mailboxes, String name) {
        for (String parent : FakeMailboxNames.parents(name)) {
            mailboxes.computeIfAbsent(parent, p -> new FakeMailbox(p, ++uidValidities, Optional.empty()));
        }
        FakeMailbox created = new FakeMailbox(name, ++uidValidities, Optional.empty());
        mailboxes.put(name, created);
        return created;
    }

    @Override
    public synchronized Optional<MailError> delete(String account, String mailbox) {
        Optional<String> name = FakeMailboxNames.normalise(mailbox);
        if (name.isPresent() && name.get().equals("INBOX")) {
            return Optional.of(MailError.NO_PERMISSION);
        }
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Optional.of(MailError.NOT_FOUND);
        }
        TreeMap<String, FakeMailbox> mailboxes = accounts.get(key(account));
        if (mailboxes.keySet().stream().anyMatch(n -> n.startsWith(found.name + DELIMITER))) {
            return Optional.of(MailError.HAS_CHILDREN);
        }
        mailboxes.remove(found.name);
        changed(account, found);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<MailError> rename(String account, String from, String to) {
        FakeMailbox source = find(account, from);
        Optional<String> target = FakeMailboxNames.normalise(to);
        if (source == null) {
            return Optional.of(MailError.NOT_FOUND);
        }
        if (target.isEmpty()) {
            return Optional.of(MailError.INVALID);
        }
        TreeMap<String, FakeMailbox> mailboxes = accounts.get(key(account));
        if (mailboxes.containsKey(target.get())) {
            return Optional.of(MailError.ALREADY_EXISTS);
        }
        if (source.name.equals("INBOX")) {
            // RFC 3501 §6.3.5: the messages move to a new mailbox; INBOX stays, empty, with its children.
            FakeMailbox created = createWithParents(mailboxes, target.get());
            for (FakeMessage message : new ArrayList<>(source.messages.values())) {
                created.addCopy(message);
                source.expunge(message.uid);
            }
            changed(account, source);
            return Optional.empty();
        }
        String old = source.name;
        if (FakeMailboxNames.isSelfOrChild(target.get(), old)) {
            return Optional.of(MailError.INVALID);
        }
        for (FakeMailbox moving : new ArrayList<>(mailboxes.values())) {
            if (FakeMailboxNames.isSelfOrChild(moving.name, old)) {
                changed(account, moving);
                mailboxes.remove(moving.name);
                moving.name = target.get() + moving.name.substring(old.length());
                mailboxes.put(moving.name, moving);
            }
        }
        for (String parent : FakeMailboxNames.parents(target.get())) {
            mailboxes.computeIfAbsent(parent, p -> new FakeMailbox(p, ++uidValidities, Optional.empty()));
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<MailError> subscribe(String account, String mailbox, boolean subscribed) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Optional.of(MailError.NOT_FOUND);
        }
        found.subscribed = subscribed;
        return Optional.empty();
    }

    @Override
    public synchronized Result<MailboxStatus> status(String account, String mailbox) {
        FakeMailbox found = find(account, mailbox);
        return found == null ? Result.refused(MailError.NOT_FOUND) : Result.of(found.status());
    }

    @Override
    public synchronized Result<MailboxSnapshot> open(String account, String mailbox, boolean readOnly) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        MailboxStatus status = found.status();
        Set<Long> recent = Set.copyOf(found.messages.tailMap(found.firstRecentUid, true).keySet());
        if (!readOnly) {
            found.firstRecentUid = found.uidNext;
        }
        Set<String> keywords = new LinkedHashSet<>();
        found.messages.values().forEach(m -> m.flags.stream().filter(f -> !f.startsWith("\\")).forEach(keywords::add));
        return Result.of(new MailboxSnapshot(status, found.states(), recent, keywords, readOnly));
    }

    @Override
    public synchronized Result<MailboxChanges> changes(String account, String mailbox, long uidValidity, long sinceModSeq,
                                                       long knownUidNext, boolean readOnly) {
        FakeMailbox found = find(account, mailbox);
        if (found == null || found.uidValidity != uidValidity) {
            return Result.refused(MailError.NOT_FOUND);
        }
        List<MessageState> added = new ArrayList<>();
        List<MessageState> changed = new ArrayList<>();
        Set<Long> recent = new HashSet<>();
        for (FakeMessage message : found.messages.values()) {
            if (message.uid >= knownUidNext) {
                added.add(message.state());
                if (message.uid >= found.firstRecentUid) {
                    recent.add(message.uid);
                }
            } else if (message.modSeq > sinceModSeq) {
                changed.add(message.state());
            }
        }
        List<Long> expunged = found.expunged.entrySet().stream()
                .filter(e -> e.getKey() < knownUidNext && e.getValue() > sinceModSeq)
                .map(Map.Entry::getKey)
                .toList();
        if (!readOnly) {
            found.firstRecentUid = found.uidNext;
        }
        return Result.of(new MailboxChanges(added, changed, expunged, recent, found.status()));
    }

    @Override
    public synchronized Result<List<MessageView>> fetch(String account, String mailbox, UidSet uids, FetchScope scope,
                                                        OptionalLong changedSince) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        return Result.of(found.in(uids).stream()
                .filter(m -> changedSince.isEmpty() || m.modSeq > changedSince.getAsLong())
                .map(m -> m.view(scope))
                .toList());
    }

    @Override
    public synchronized Result<StoreOutcome> store(String account, String mailbox, UidSet uids, FlagUpdate update) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        List<MessageState> updated = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        boolean anyChanged = false;
        for (FakeMessage message : found.in(uids)) {
            if (update.unchangedSince().isPresent() && message.modSeq > update.unchangedSince().getAsLong()) {
                modified.add(message.uid);
                continue;
            }
            Set<String> flags = apply(message.flags, update);
            if (!flags.equals(message.flags)) {
                message.flags = flags;
                message.modSeq = found.nextModSeq();
                anyChanged = true;
            }
            updated.add(message.state());
        }
        if (anyChanged) {
            changed(account, found);
        }
        return Result.of(new StoreOutcome(updated, modified));
    }

    @Override
    public synchronized Result<List<Long>> expunge(String account, String mailbox, UidSet uids) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        List<Long> removed = found.in(uids).stream().filter(m -> m.flags.contains("\\Deleted")).map(m -> m.uid).toList();
        removed.forEach(found::expunge);
        if (!removed.isEmpty()) {
            changed(account, found);
        }
        return Result.of(removed);
    }

    @Override
    public synchronized Result<CopyOutcome> copy(String account, String source, UidSet uids, String target) {
        return transfer(account, source, uids, target, false);
    }

    @Override
    public synchronized Result<CopyOutcome> move(String account, String source, UidSet uids, String target) {
        return transfer(account, source, uids, target, true);
    }

    private Result<CopyOutcome> transfer(String account, String source, UidSet uids, String target, boolean move) {
        FakeMailbox from = find(account, source);
        FakeMailbox to = find(account, target);
        if (from == null || to == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        List<Long> sourceUids = new ArrayList<>();
        List<Long> targetUids = new ArrayList<>();
        for (FakeMessage message : from.in(uids)) {
            sourceUids.add(message.uid);
            targetUids.add(to.addCopy(message).uid);
            if (move) {
                from.expunge(message.uid);
            }
        }
        if (!sourceUids.isEmpty()) {
            changed(account, to);
            if (move) {
                changed(account, from);
            }
        }
        return Result.of(new CopyOutcome(to.uidValidity, sourceUids, targetUids));
    }

    @Override
    public synchronized Result<AppendOutcome> append(String account, String mailbox, Set<String> flags,
                                                     Optional<Instant> internalDate, MessageContent content) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        if (content.size() > Settings.MAX_MESSAGE_SIZE.get()) {
            return Result.refused(MailError.TOO_BIG);
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes().clone();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FakeMessage message = found.add(bytes, internalDate.orElseGet(Instant::now),
                apply(Set.of(), new FlagUpdate(FlagUpdate.Mode.REPLACE, flags, OptionalLong.empty())));
        changed(account, found);
        return Result.of(new AppendOutcome(found.uidValidity, message.uid));
    }

    @Override
    public synchronized Result<List<Long>> search(String account, String mailbox, SearchCriteria criteria) {
        FakeMailbox found = find(account, mailbox);
        if (found == null) {
            return Result.refused(MailError.NOT_FOUND);
        }
        return Result.of(found.messages.values().stream()
                .filter(m -> FakeSearch.matches(criteria, m, ZONE))
                .map(m -> m.uid)
                .toList());
    }

    /**
     * The flags after {@code update}: system flags spelled canonically, {@code \Recent} and unknown
     * system flags dropped (no client sets them), keywords compared ignoring case.
     */
    private static Set<String> apply(Set<String> current, FlagUpdate update) {
        Set<String> given = new LinkedHashSet<>();
        for (String flag : update.flags()) {
            if (!flag.startsWith("\\")) {
                given.add(flag);
            } else {
                SYSTEM_FLAGS.stream().filter(s -> s.equalsIgnoreCase(flag)).findFirst().ifPresent(given::add);
            }
        }
        Set<String> result = new LinkedHashSet<>(update.mode() == FlagUpdate.Mode.REPLACE ? Set.of() : current);
        for (String flag : given) {
            boolean present = result.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
            if (update.mode() == FlagUpdate.Mode.REMOVE) {
                result.removeIf(f -> f.equalsIgnoreCase(flag));
            } else if (!present) {
                result.add(flag);
            }
        }
        return Set.copyOf(result);
    }

    private FakeMailbox find(String account, String mailbox) {
        TreeMap<String, FakeMailbox> mailboxes = accounts.get(key(account));
        Optional<String> name = FakeMailboxNames.normalise(mailbox);
        return mailboxes == null || name.isEmpty() ? null : mailboxes.get(name.get());
    }

    private void changed(String account, FakeMailbox mailbox) {
        watchers.ifPresent(w -> w.changed(account, mailbox.name));
    }

    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }
}
